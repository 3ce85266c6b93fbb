// Binance Spot (REST and WebSocket API) from `errors.md` and its Chinese edition: one row per
// code with every bullet as a message variant, plus one row per message of the "Messages
// for -1010, -2010, -2011, -2038" and "Filter failures" tables under each code that uses it
// (the codes the heading names, and -1013, whose bullet points to both tables).
import type { Messages } from '../../src/core/catalogue/types.ts';
import { type BinanceCode, type BinanceMessageList, readBinanceDoc } from './binance-doc.ts';
import { numberRows, type SeedRow } from './entry.ts';

const HAN = /\p{Script=Han}/u;

function variantsOf(en: string[], zh: string[]): Messages[] {
  return en.map((message, i) => {
    const chinese = zh[i];
    const same = chinese?.replace(/\s+/g, ' ') === message.replace(/\s+/g, ' ');
    return chinese && !same ? { en: message, zh: chinese } : { en: message };
  });
}

function codeRow(
  code: BinanceCode,
  zh: BinanceCode | undefined,
  list: { en: BinanceMessageList; zh: BinanceMessageList | undefined } | undefined,
  source: string,
) {
  const variants = variantsOf(code.bullets, zh?.bullets ?? []);
  const [messages] = variants;
  if (!messages) throw new Error(`${source}: ${code.code} has no message`);
  const title = zh?.title ?? '';
  return {
    exchange: 'binance' as const,
    surface: 'rest' as const,
    code: code.code,
    name: code.title,
    messages,
    ...(variants.length > 1 ? { variants } : {}),
    // -2010's only bullet is its name; the table heading names it says what the code means.
    description: list?.en.prose || messages.en,
    ...(list?.zh?.prose
      ? { descriptionZh: list.zh.prose }
      : HAN.test(title)
        ? { descriptionZh: title }
        : {}),
    group: code.group,
    source,
  };
}

/** The message tables' rows, for one code. */
function listRows(
  list: BinanceMessageList,
  zhList: BinanceMessageList | undefined,
  code: string,
  name: string,
  source: string,
): Omit<SeedRow, 'row' | 'rowCount'>[] {
  const zhByMessage = new Map(zhList?.rows.map((row) => [row.messages[0], row.description]));
  return list.rows.map((row) => {
    const variants = row.messages.map((en) => ({ en }));
    const descriptionZh = zhByMessage.get(row.messages[0]);
    return {
      exchange: 'binance' as const,
      surface: 'rest' as const,
      code,
      name,
      messages: variants[0] as Messages,
      ...(variants.length > 1 ? { variants } : {}),
      description: row.description,
      ...(descriptionZh ? { descriptionZh } : {}),
      group: list.heading,
      source,
    };
  });
}

export function binanceSpotRows(enText: string, zhText: string, source: string): SeedRow[] {
  const en = readBinanceDoc(enText);
  const zh = readBinanceDoc(zhText);
  const zhCodes = new Map(zh.codes.map((code) => [code.code, code]));
  const zhList = (list: BinanceMessageList) => zh.lists.find((z) => z.anchor === list.anchor);
  const rows: Omit<SeedRow, 'row' | 'rowCount'>[] = [];
  const sections = new Map(en.codes.map((code) => [code.code, code]));

  for (const code of en.codes) {
    if (!zhCodes.has(code.code)) throw new Error(`${source}: ${code.code} has no Chinese section`);
    const list = en.lists.find((l) => l.codes.some((c) => c.code === code.code));
    const named = list && { en: list, zh: zhList(list) };
    rows.push(codeRow(code, zhCodes.get(code.code), named, source));
  }
  if (zh.codes.length !== en.codes.length) {
    throw new Error(
      `${source}: ${en.codes.length} codes in English, ${zh.codes.length} in Chinese`,
    );
  }

  for (const list of en.lists) {
    const chinese = zhList(list);
    if (!chinese || chinese.rows.length !== list.rows.length) {
      throw new Error(`${source}: "${list.heading}" differs in the Chinese edition`);
    }
    for (const { code, name } of list.codes) {
      // -1010 and -2038 have no section of their own: the heading is all the document says.
      if (!sections.has(code)) {
        rows.push({
          exchange: 'binance',
          surface: 'rest',
          code,
          name,
          messages: { en: name },
          description: list.prose,
          ...(chinese.prose ? { descriptionZh: chinese.prose } : {}),
          group: list.heading,
          source,
        });
      }
      rows.push(...listRows(list, chinese, code, name, source));
    }
    for (const code of en.codes.filter((c) => c.pointers.includes(list.anchor))) {
      rows.push(...listRows(list, chinese, code.code, code.title, source));
    }
  }
  return numberRows(rows);
}
