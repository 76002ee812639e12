"""Small, real demo PDFs in the language's own script (Noto fonts, shaped with HarfBuzz).

The demo makes ~130 PDFs; parsing a Noto font (its cmap and glyph widths) is most of what
``add_font`` costs, so each font is parsed once per process and every PDF gets a copy of it
with its own fontTools object (``output()`` subsets that one in place) and its own subset.
"""

import copy
import functools
import logging
from io import BytesIO
from pathlib import Path

from fontTools import ttLib
from fpdf import FPDF
from fpdf.fonts import SubsetMap, TTFFont

from cms import languages

FONTS = Path(__file__).with_name("fonts")
LATIN = "NotoSans-Regular.ttf"  # also covers Greek and Cyrillic
# fontTools logs every subsetting step at INFO.
logging.getLogger("fontTools").setLevel(logging.WARNING)
SCRIPT_FONTS = {"Arab": "NotoNaskhArabic-Regular.ttf", "Ethi": "NotoSansEthiopic-Regular.ttf"}
# What fpdf's output() drops from each embedded subset (fpdf/output.py, _add_fonts).
EMBED_DROPS = ["FFTM", "GDEF", "GPOS", "GSUB", "MATH", "hdmx", "meta", "sbix"]
EMBED_DROPS += ["CBDT", "CBLC", "EBDT", "EBLC", "EBSC", "SVG ", "CPAL", "COLR"]


class DemoPDF(FPDF):
    def __init__(self, language_code: str, title: str):
        super().__init__(format=(148, 210))  # A5 in mm
        language = languages.get(language_code)
        self.rtl = language.is_rtl
        self.set_lang(language_code)
        self.set_title(title)
        self.set_creator("PROTECT CMS demo content")
        self.set_author("IOM PROTECT project (demo)")
        self.add_cached_font("latin", LATIN)
        family = "latin"
        if language.script in SCRIPT_FONTS:
            self.add_cached_font("script", SCRIPT_FONTS[language.script])
            family = "script"
            # Digits, "PROTECT" and phone numbers fall back to the Latin font.
            self.set_fallback_fonts(["latin"])
        self.family_name = family
        self.set_text_shaping(use_shaping_engine=True, direction="rtl" if self.rtl else "ltr")
        self.set_auto_page_break(auto=True, margin=15)

    def add_cached_font(self, family: str, fname: str) -> None:
        """What ``add_font(family, fname=…)`` does, from the font parsed once per process."""
        parsed = _parsed_font(fname)
        font = copy.copy(parsed)  # shares the read-only parts: cmap, metrics, descriptor
        font.i = len(self.fonts) + 1
        font.fontkey = family
        font.ttfont = ttLib.TTFont(
            BytesIO(_embedded_bytes(fname)), recalcTimestamp=False, lazy=True
        )
        font.cw = copy.copy(parsed.cw)  # a defaultdict: look-ups of missing characters add keys
        font.glyph_ids = dict(parsed.glyph_ids)
        font.missing_glyphs = []
        font.biggest_size_pt = 0
        font._hbfont = None
        font.subset = SubsetMap(font)
        self.fonts[family] = font

    def paragraph(self, text: str, size: int = 11, gap: int = 3) -> None:
        self.set_font(self.family_name, size=size)
        self.multi_cell(0, size * 0.6, text, align="R" if self.rtl else "L")
        self.ln(gap)

    def footer(self):
        self.set_y(-12)
        self.set_font("latin", size=7)
        self.cell(0, 5, f"PROTECT demo · {self.page_no()}", align="C")


@functools.cache
def _embedded_bytes(fname: str) -> bytes:
    """The font without the tables ``output()`` drops from every subset it embeds.

    Shaping reads the font file itself (HarfBuzz), so it keeps them; dropping them once here
    spares each PDF's subsetting from reading the large layout tables (GSUB, GPOS) only to
    drop them: a third of what a leaflet costs. The embedded subsets are the same.
    """
    font = ttLib.TTFont(FONTS / fname, recalcTimestamp=False)
    for tag in EMBED_DROPS:
        if tag in font:
            del font[tag]
    out = BytesIO()
    font.save(out)
    return out.getvalue()


@functools.cache
def _parsed_font(fname: str) -> TTFFont:
    pdf = FPDF()
    pdf.add_font("parsed", fname=str(FONTS / fname))
    return pdf.fonts["parsed"]


def leaflet(language_code: str, title: str, paragraphs: list[str], print_edition=False) -> bytes:
    """A one- or two-page leaflet; the print edition has larger margins for trimming."""
    pdf = DemoPDF(language_code, title)
    if print_edition:
        pdf.set_margins(18, 18, 18)
    pdf.add_page()
    pdf.paragraph(title, size=17, gap=6)
    for text in paragraphs:
        pdf.paragraph(text)
    return bytes(pdf.output())


def report(title: str, chapters: list[tuple[str, list[str]]]) -> bytes:
    """An English report with a bookmarked chapter per entry (the PDF outline is its TOC)."""
    pdf = DemoPDF("en", title)
    pdf.add_page()
    pdf.paragraph(title, size=17, gap=6)
    for heading, paragraphs in chapters:
        pdf.add_page()
        pdf.start_section(heading)
        pdf.paragraph(heading, size=14, gap=4)
        for text in paragraphs:
            pdf.paragraph(text)
    return bytes(pdf.output())
