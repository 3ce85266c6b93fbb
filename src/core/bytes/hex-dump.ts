// Pure: a classic hex dump (offset, 16 bytes in hex, printable ASCII) of binary payloads.

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function printable(byte: number): string {
  return byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : '.';
}

export function hexDump(bytes: Uint8Array): string {
  const lines: string[] = [];
  for (let offset = 0; offset < bytes.length; offset += 16) {
    const chunk = bytes.subarray(offset, offset + 16);
    let hex = '';
    let ascii = '';
    for (let i = 0; i < 16; i++) {
      const byte = chunk[i];
      hex += byte === undefined ? '   ' : `${HEX[byte]} `;
      if (i === 7) hex += ' ';
      if (byte !== undefined) ascii += printable(byte);
    }
    lines.push(`${offset.toString(16).padStart(8, '0')}  ${hex} ${ascii}`);
  }
  return lines.join('\n');
}

/** The first bytes as hex pairs, for one-line previews. */
export function hexHead(bytes: Uint8Array, count = 16): string {
  const shown = Array.from(bytes.subarray(0, count), (byte) => HEX[byte]).join(' ');
  return bytes.length > count ? `${shown} …` : shown;
}
