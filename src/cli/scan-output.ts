// The four ways `scan` writes what it finds, each streaming: a finding is written when it is
// found, never collected. human: compiler-style blocks, then the count line. json: one
// {"findings":[...]} document, written item by item. jsonl: one finding a line. github: one
// workflow command a finding, so they become annotations. Input problems go to stderr as
// warnings (github: ::warning commands on stdout, where the runner reads them).
import { isAbsolute, relative } from 'node:path';
import { findingTitle, formatFinding } from './format-human.ts';
import { type AnnotationLevel, workflowCommand } from './github-commands.ts';
import type { CliIo } from './io.ts';
import type { FindingJson } from './json-item.ts';
import { printable } from './printable.ts';
import type { ScanTotals } from './scan-totals.ts';
import type { InputProblem } from './sourced-event.ts';
import { createStyle } from './style.ts';

export const SCAN_FORMATS = ['human', 'github', 'json', 'jsonl'] as const;
export type ScanFormat = (typeof SCAN_FORMATS)[number];

/** The name standard input goes by when --stdin-name does not give it one. */
export const STDIN_NAME = '-';

export interface ScanOutput {
  finding(item: FindingJson): void | Promise<void>;
  problem(problem: InputProblem, file: string): void | Promise<void>;
  end(totals: ScanTotals): void | Promise<void>;
}

export interface OutputOptions {
  /** Several inputs: name the file in each location and warning. */
  several: boolean;
  summary: boolean;
}

function warningLine(problem: InputProblem, file: string, several: boolean): string {
  if (problem.fatal)
    return `exchange-lens: ${printable(file)}: ${printable(problem.message)} (see exchange-lens --help)\n`;
  return `warning: ${several ? `${printable(file)}: ` : ''}${printable(problem.message)}\n`;
}

/** Nothing on stdout when no input could be read: the run was a usage error. */
function nothingRead(totals: ScanTotals): boolean {
  return totals.unreadable > 0 && totals.unreadable === totals.inputs;
}

function humanOutput(io: CliIo, options: OutputOptions): ScanOutput {
  const style = createStyle(io.colour ?? false);
  return {
    finding: (item) => io.stdout(`${formatFinding(item, style, options.several)}\n\n`),
    problem: (problem, file) => io.stderr(warningLine(problem, file, options.several)),
    end(totals) {
      if (nothingRead(totals)) return;
      const summary = options.summary ? totals.summaryLines().map((line) => `${line}\n`) : [];
      return io.stdout(`${totals.countLine()}\n${summary.join('')}`);
    },
  };
}

const indent = (text: string, by: string) => `${by}${text.replace(/\n/g, `\n${by}`)}`;

function jsonOutput(io: CliIo, options: OutputOptions): ScanOutput {
  let written = 0;
  return {
    finding(item) {
      const head = written++ === 0 ? '{\n  "findings": [\n' : ',\n';
      return io.stdout(`${head}${indent(JSON.stringify(item, null, 2), '    ')}`);
    },
    problem: (problem, file) => io.stderr(warningLine(problem, file, options.several)),
    end(totals) {
      if (written === 0 && nothingRead(totals)) return;
      const open = written === 0 ? '{\n  "findings": []' : '\n  ]';
      const summary = options.summary
        ? `,\n  "summary": ${indent(JSON.stringify(totals.summaryJson(), null, 2), '  ').trimStart()}`
        : '';
      return io.stdout(`${open}${summary}\n}\n`);
    },
  };
}

function jsonlOutput(io: CliIo, options: OutputOptions): ScanOutput {
  return {
    finding: (item) => io.stdout(`${JSON.stringify(item)}\n`),
    problem: (problem, file) => io.stderr(warningLine(problem, file, options.several)),
    end(totals) {
      // stdout holds findings only, so a pipe reads one kind of line.
      if (options.summary && !nothingRead(totals)) {
        io.stderr(
          totals
            .summaryLines()
            .map((line) => `${line}\n`)
            .join(''),
        );
      }
    },
  };
}

function githubOutput(io: CliIo, options: OutputOptions): ScanOutput {
  const plain = createStyle(false);
  // Annotations link to files by their path from the repository root, the step's usual cwd.
  const fileOf = (file: string) => {
    if (file === STDIN_NAME) return undefined;
    return isAbsolute(file) ? relative(io.cwd, file) : file;
  };
  const command = (
    level: AnnotationLevel,
    file: string,
    line: number | undefined,
    title: string,
    message: string,
  ) => {
    const path = fileOf(file);
    return `${workflowCommand({ level, message, title, ...(path !== undefined ? { file: path } : {}), ...(line !== undefined ? { line } : {}) })}\n`;
  };
  return {
    finding(item) {
      const level = item.severity === 'error' ? 'error' : 'notice';
      const title = `${item.exchange} ${item.code}: ${findingTitle(item)}`;
      // The block a terminal shows, less its headline (the title says it).
      const body = formatFinding(item, plain, false).split('\n').slice(1);
      const message = body.map((line) => line.replace(/^ {2}--> |^ {3}[|=] /, '')).join('\n');
      return io.stdout(command(level, item.file, item.line, printable(title), message));
    },
    problem(problem, file) {
      const level = problem.fatal ? 'error' : 'warning';
      return io.stdout(
        command(level, file, problem.line, 'exchange-lens', printable(problem.message)),
      );
    },
    end(totals) {
      if (nothingRead(totals)) return;
      const summary = options.summary ? totals.summaryLines().map((line) => `${line}\n`) : [];
      return io.stdout(`${totals.countLine()}\n${summary.join('')}`);
    },
  };
}

export function createScanOutput(
  format: ScanFormat,
  io: CliIo,
  options: OutputOptions,
): ScanOutput {
  switch (format) {
    case 'human':
      return humanOutput(io, options);
    case 'json':
      return jsonOutput(io, options);
    case 'jsonl':
      return jsonlOutput(io, options);
    case 'github':
      return githubOutput(io, options);
  }
}
