export function Logo() {
  return (
    <span className="logo">
      <svg viewBox="0 0 32 32" width="28" height="28" aria-hidden="true">
        <rect width="32" height="32" rx="7" fill="currentColor" />
        <path d="M9 8h10l4 4v12H9z" fill="#fff" />
        <path d="M12 15h8M12 18.5h8M12 22h5" stroke="currentColor" strokeWidth="1.6" />
      </svg>
      <span className="logo__text">CV Maker</span>
    </span>
  );
}
