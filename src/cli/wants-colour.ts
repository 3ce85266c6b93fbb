// Colour only for a person at a terminal: never into a pipe, a file or a CI log, and never when
// NO_COLOR is set to anything (https://no-color.org).
export function wantsColour(isTTY: boolean | undefined, env: Readonly<Record<string, unknown>>) {
  return isTTY === true && !env.NO_COLOR;
}
