// GitHub Actions workflow commands (`::error file=F,line=L,title=T::message`): the runner turns
// each into an annotation on the run's summary and on the pull request's diff. Text from a
// capture is escaped by the runner's rules, so a server message can neither end the command
// early nor start one of its own on a new line.
// https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions

export type AnnotationLevel = 'error' | 'warning' | 'notice';

export interface Annotation {
  level: AnnotationLevel;
  file?: string;
  line?: number;
  title?: string;
  message: string;
}

/** The message part: %, CR and LF. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value: as data, plus the ':' and ',' that separate properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function workflowCommand(annotation: Annotation): string {
  const properties = [
    annotation.file !== undefined ? `file=${escapeProperty(annotation.file)}` : '',
    annotation.file !== undefined && annotation.line !== undefined ? `line=${annotation.line}` : '',
    annotation.title !== undefined ? `title=${escapeProperty(annotation.title)}` : '',
  ].filter(Boolean);
  const head = properties.length > 0 ? ` ${properties.join(',')}` : '';
  return `::${annotation.level}${head}::${escapeData(annotation.message)}`;
}
