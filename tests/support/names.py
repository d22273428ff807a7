"""People's names in the world's scripts and naming conventions, for tests that take a name through the product."""

from __future__ import annotations

NAMES_IN_EVERY_SCRIPT: dict[str, str] = {
    "Turkish": "Elif Şahin",
    "Polish": "Łukasz Żółkiewski",
    "Czech": "Jiří Dvořák",
    "Vietnamese": "Nguyễn Thị Minh Khai",
    "Greek": "Γιώργος Ψάρρος",
    "Cyrillic": "Дмитрий Шостакович",
    "Georgian": "ნინო ბერიძე",
    "Armenian": "Արամ Խաչատրյան",
    "Devanagari": "प्रिया शर्मा",
    "Tamil": "கார்த்திக் சுப்பிரமணியம்",
    "Thai": "สมชาย ใจดี",
    "Chinese": "王芳",
    "Japanese": "山田 花子",
    "Korean": "김민준",
    "Arabic": "فاطمة الزهراء",
    "Hebrew": "נועה כהן",
    "Persian": "سارا محمدی",
    "Mixed RTL and LTR": "Layla حداد-Smith",
    "Combining marks": "Zoe\u0308 Ame\u0301lie",
    "Emoji": "Sam 🌈 Rivers",
    "Mononym": "Sukarno",
    "Very long": "María de los Ángeles Fernández García de la Torre y Sánchez-Villalobos Echeverría",
    "Quotes and slashes": 'Connor "CJ" O\'Brien / Smith',
}
