// Pure: a catalogue message with its placeholders ({0}, {instId}) replaced by observed values.

export function fillMessage(
  template: string,
  values: Readonly<Record<string, string>> | undefined,
) {
  if (!values) return template;
  return template.replace(/\{([A-Za-z0-9_]+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? (values[name] as string) : whole,
  );
}
