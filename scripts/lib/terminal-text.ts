/**
 * Text from files (area names, ids, file names, messages that quote them) made safe for a terminal:
 * ANSI/VT escape sequences and control characters are removed, so a name cannot recolour, move the
 * cursor, retitle the window or hide text. JSON and CSV output keep the text as it was (JSON
 * escapes control characters itself); only `--format table` and stderr go through this.
 */

/**
 * CSI sequences (ESC [ or 0x9B, parameters, intermediates, a final byte), string sequences (OSC,
 * DCS, SOS, PM, APC up to BEL or ST, or the end of the line) and other ESC sequences. Each part is
 * a run of one character class, so the scan is linear in the text's length.
 */
const ESCAPES =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  /(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?|\x1b[\x20-\x2f]*[\x30-\x7e]?/g;
/** C0 and C1 controls except tab and line feed, DEL, and bidirectional overrides and isolates. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

/** `text` without escape sequences and control characters; tabs and line breaks are kept. */
export function terminalText(text: string): string {
  return text.replace(ESCAPES, '').replace(CONTROLS, '');
}

/** `text` for one table cell: as terminalText, with tabs and line breaks as single spaces. */
export function terminalCell(text: string): string {
  return terminalText(text).replace(/[\t\n]+/g, ' ');
}
