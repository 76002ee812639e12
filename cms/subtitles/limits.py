"""The one home of subtitle limits: the parser, the import service, the upload form, the cue
field on video pages and the translation queue's QA all read these numbers."""

# A feature film's subtitles are well under 1 MB; 5 MB leaves room for styled WebVTT.
MAX_FILE_BYTES = 5_000_000
# A feature film has about 2,000 cues.
MAX_CUES = 5_000
# Reading speed (characters per second) above which a cue is hard to read: the usual
# broadcast guideline for adult audiences.
MAX_CHARS_PER_SECOND = 17
# Characters per line that fit a phone screen at a readable size.
MAX_LINE_LENGTH = 42
