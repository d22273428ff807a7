/**
 * The CV's photo, beside the basics: choose an image (on a phone, the camera or the gallery), cut a square from it
 * with zoom and position controls (sliders, arrow keys, or dragging the picture), and save it; or remove it. The
 * photo is sent through a signed upload and set with `setCvPhoto`, which makes a new version of the CV: the
 * editor saves pending edits first (`beforeChange`) and takes the new version afterwards (`afterChange`).
 */
import { useApolloClient, useQuery } from "@apollo/client/react";
import { type PointerEvent, useEffect, useId, useRef, useState } from "react";
import { newIdempotencyKey } from "../../ui/idempotency";
import { describeError, Spinner } from "../../ui/States";
import { CENTRED, type CropControls, dragged, MAX_ZOOM, MIN_ZOOM, squareOf, stepped } from "./crop";
import { CreatePhotoUploadMutation, CvPhotoQuery, RemoveCvPhotoMutation, SetCvPhotoMutation } from "./operations";
import { ACCEPT, type ChosenPhoto, choosePhoto, sendPhoto } from "./prepare";
import "./photo.css";
import { HiddenFileInput } from "../../ui/HiddenFileInput";

const FRAME = 240; // the crop frame's side in CSS pixels (photo.css)

interface Props {
  cvId: string;
  /** The version the editor has saved: what `setCvPhoto` and `removeCvPhoto` edit. */
  currentVersion: () => number;
  /** Save pending edits first, so the photo's new version comes after them. */
  beforeChange: () => Promise<unknown>;
  /** The CV has a new version (with or without a photo): take it. */
  afterChange: () => void;
}

type Phase =
  | { kind: "idle" }
  | { kind: "reading" }
  | { kind: "cropping"; photo: ChosenPhoto; controls: CropControls }
  | { kind: "saving"; what: string };

export function PhotoField({ cvId, currentVersion, beforeChange, afterChange }: Props) {
  const client = useApolloClient();
  const { data, refetch } = useQuery(CvPhotoQuery, { variables: { cvId }, fetchPolicy: "network-only" });
  const photo = data?.cvPhoto ?? null;
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [problem, setProblem] = useState<string | null>(null);
  const [said, setSaid] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const choose = useRef<HTMLButtonElement>(null);
  const frame = useRef<HTMLDivElement>(null);
  const drag = useRef<{ x: number; y: number } | null>(null);
  const id = useId();
  // The chosen image's object URL lives until it is saved, cancelled or replaced (a failed save crops it again).
  const shown = useRef<string | null>(null);
  const release = () => {
    if (shown.current) URL.revokeObjectURL(shown.current);
    shown.current = null;
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: on unmount only; `release` reads the ref
  useEffect(() => release, []);

  async function pick(file: File) {
    setProblem(null);
    setSaid(null);
    setPhase({ kind: "reading" });
    try {
      const photo = await choosePhoto(file);
      release();
      shown.current = photo.url;
      setPhase({ kind: "cropping", photo, controls: CENTRED });
    } catch (failure) {
      setPhase({ kind: "idle" });
      setProblem(describeError(failure));
    }
  }

  /** A photo edit against the version the editor saved, once more against the newest if another save won. */
  async function withVersion<T extends { __typename?: string }>(
    edit: (version: number) => Promise<T | null | undefined>,
  ): Promise<T | null | undefined> {
    await beforeChange();
    const first = await edit(currentVersion());
    if (first && first.__typename === "VersionConflictError" && "currentVersion" in first)
      return edit(first.currentVersion as number);
    return first;
  }

  async function save(photo: ChosenPhoto, controls: CropControls) {
    setProblem(null);
    setPhase({ kind: "saving", what: "Saving your photo…" });
    try {
      const { data: created } = await client.mutate({
        mutation: CreatePhotoUploadMutation,
        variables: {
          filename: photo.filename,
          contentType: photo.contentType,
          size: photo.blob.size,
          idempotencyKey: newIdempotencyKey(),
        },
      });
      const ticket = created?.createPhotoUpload;
      if (ticket?.__typename !== "UploadTicket")
        throw new Error(ticket && "message" in ticket ? ticket.message : "The upload was refused.");
      await sendPhoto(
        { url: ticket.url, method: ticket.method, fields: (ticket.fields ?? {}) as Record<string, string> },
        photo,
      );
      const square = squareOf(photo.width, photo.height, controls);
      const result = await withVersion(async (version) => {
        const { data: set } = await client.mutate({
          mutation: SetCvPhotoMutation,
          variables: { cvId, version, uploadId: ticket.uploadId, crop: square },
        });
        return set?.setCvPhoto;
      });
      if (result?.__typename !== "Cv") {
        const fields = result?.__typename === "ValidationError" ? result.fields.map((f) => f.message) : [];
        throw new Error(
          fields.length ? fields.join(" ") : result && "message" in result ? result.message : "Not saved.",
        );
      }
      await refetch();
      afterChange();
      release();
      setPhase({ kind: "idle" });
      setSaid("Photo saved.");
      window.setTimeout(() => choose.current?.focus(), 0);
    } catch (failure) {
      setPhase({ kind: "cropping", photo, controls });
      setProblem(describeError(failure));
    }
  }

  async function remove() {
    setProblem(null);
    setSaid(null);
    setPhase({ kind: "saving", what: "Removing your photo…" });
    try {
      const result = await withVersion(async (version) => {
        const { data: removed } = await client.mutate({
          mutation: RemoveCvPhotoMutation,
          variables: { cvId, version },
        });
        return removed?.removeCvPhoto;
      });
      if (result?.__typename !== "Cv")
        throw new Error(result && "message" in result ? result.message : "The photo was not removed.");
      await refetch();
      afterChange();
      setSaid("Photo removed.");
    } catch (failure) {
      setProblem(describeError(failure));
    } finally {
      setPhase({ kind: "idle" });
      window.setTimeout(() => choose.current?.focus(), 0);
    }
  }

  const update = (controls: CropControls) => {
    if (phase.kind === "cropping") setPhase({ ...phase, controls });
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    drag.current = { x: event.clientX, y: event.clientY };
    event.currentTarget.setPointerCapture(event.pointerId);
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!drag.current || phase.kind !== "cropping") return;
    const dx = event.clientX - drag.current.x;
    const dy = event.clientY - drag.current.y;
    drag.current = { x: event.clientX, y: event.clientY };
    update(dragged(phase.controls, phase.photo, FRAME, dx, dy));
  };

  const busy = phase.kind === "reading" || phase.kind === "saving";
  return (
    <section className="card photo-field" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="card__title">
        Photo
      </h2>
      <HiddenFileInput
        inputRef={input}
        id="photo-file"
        accept={ACCEPT}
        disabled={busy}
        onFile={(file) => void pick(file)}
      />
      {phase.kind === "cropping" ? (
        <Cropper
          photo={phase.photo}
          controls={phase.controls}
          frameRef={frame}
          onChange={update}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={() => {
            drag.current = null;
          }}
          onSave={() => void save(phase.photo, phase.controls)}
          onCancel={() => {
            release();
            setPhase({ kind: "idle" });
            setProblem(null);
            window.setTimeout(() => choose.current?.focus(), 0);
          }}
        />
      ) : (
        <div className="photo-field__row">
          {photo ? (
            <img className="photo-field__current" src={photo.url} alt="On your CV now" width={96} height={96} />
          ) : (
            <div className="photo-field__none" aria-hidden="true" />
          )}
          <div className="photo-field__actions">
            <p className="muted photo-field__hint">
              {photo
                ? "Shown by the Portrait and Banner templates."
                : "Optional. Portrait and Banner show a photo; JPEG, PNG or WebP, up to 5 MB."}
            </p>
            <div className="photo-field__buttons">
              <button
                ref={choose}
                type="button"
                className="button photo-field__button"
                disabled={busy}
                onClick={() => input.current?.click()}
              >
                {photo ? "Change photo" : "Add a photo"}
              </button>
              {photo && (
                <button
                  type="button"
                  className="button button--ghost photo-field__button"
                  disabled={busy}
                  onClick={() => void remove()}
                >
                  Remove photo
                </button>
              )}
            </div>
          </div>
        </div>
      )}
      {busy && (
        <p className="photo-field__busy" role="status">
          <Spinner label="" /> {phase.kind === "saving" ? phase.what : "Reading the image…"}
        </p>
      )}
      {!busy && said && (
        <p className="photo-field__said" role="status">
          {said}
        </p>
      )}
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}

function Cropper({
  photo,
  controls,
  frameRef,
  onChange,
  onPointerDown,
  onPointerMove,
  onPointerUp,
  onSave,
  onCancel,
}: {
  photo: ChosenPhoto;
  controls: CropControls;
  frameRef: React.RefObject<HTMLDivElement | null>;
  onChange: (controls: CropControls) => void;
  onPointerDown: (event: PointerEvent<HTMLDivElement>) => void;
  onPointerMove: (event: PointerEvent<HTMLDivElement>) => void;
  onPointerUp: () => void;
  onSave: () => void;
  onCancel: () => void;
}) {
  const id = useId();
  // Shown, the crop area takes the focus: the keyboard crops at once, and the file input it came from is hidden.
  useEffect(() => frameRef.current?.focus(), [frameRef]);
  const square = squareOf(photo.width, photo.height, controls);
  const scale = FRAME / square.size;
  return (
    <div className="photo-crop">
      {/* biome-ignore lint/a11y/useSemanticElements: a focusable area that takes keys, not a form's group of fields */}
      <div
        ref={frameRef}
        className="photo-crop__frame"
        role="group"
        aria-label="Photo crop: arrow keys move the square, + and - zoom"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the crop area takes arrow keys and + / -, like the sliders
        tabIndex={0}
        data-testid="photo-crop"
        onKeyDown={(event) => {
          const next = stepped(controls, event.key);
          if (next) {
            event.preventDefault();
            onChange(next);
          }
        }}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
      >
        <img
          src={photo.url}
          alt="What you chose, as it will be cropped"
          draggable={false}
          style={{
            width: photo.width * scale,
            height: photo.height * scale,
            left: -square.x * scale,
            top: -square.y * scale,
          }}
        />
      </div>
      <div className="photo-crop__controls">
        <label htmlFor={`${id}-zoom`}>Zoom</label>
        <input
          id={`${id}-zoom`}
          type="range"
          min={MIN_ZOOM}
          max={MAX_ZOOM}
          step={0.05}
          value={controls.zoom}
          onChange={(event) => onChange({ ...controls, zoom: Number(event.target.value) })}
        />
        <label htmlFor={`${id}-x`}>Left – right</label>
        <input
          id={`${id}-x`}
          type="range"
          min={0}
          max={100}
          value={Math.round(controls.x * 100)}
          disabled={square.size >= photo.width}
          onChange={(event) => onChange({ ...controls, x: Number(event.target.value) / 100 })}
        />
        <label htmlFor={`${id}-y`}>Up – down</label>
        <input
          id={`${id}-y`}
          type="range"
          min={0}
          max={100}
          value={Math.round(controls.y * 100)}
          disabled={square.size >= photo.height}
          onChange={(event) => onChange({ ...controls, y: Number(event.target.value) / 100 })}
        />
        <div className="photo-field__buttons">
          <button type="button" className="button button--primary photo-field__button" onClick={onSave}>
            Use this photo
          </button>
          <button type="button" className="button button--ghost photo-field__button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </div>
    </div>
  );
}
