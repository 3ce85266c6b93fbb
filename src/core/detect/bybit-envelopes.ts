// Pure: Bybit's envelopes. v5 REST and WebSocket order entry reply {"retCode":..,"retMsg":..}
// (usually with HTTP 200), the legacy API {"ret_code":..,"ret_msg":..}; a batch reports each
// failed order in retExtInfo.list[i] = {"code":..,"msg":..}; a WebSocket op (auth, subscribe)
// that fails answers {"success":false,"ret_msg":"..","op":"auth"} with no code at all.
import { field, type JsonObject } from '../json/fields.ts';
import { codeText, MAX_ITEMS, messageText, type RawError } from './envelope-fields.ts';

const BYBIT = ['bybit'] as const;

function batchItemErrors(extInfo: unknown): RawError[] {
  const list = field(extInfo, 'list');
  if (!Array.isArray(list)) return [];
  const errors: RawError[] = [];
  const count = Math.min(list.length, MAX_ITEMS);
  for (let i = 0; i < count; i++) {
    const code = codeText(field(list[i], 'code'));
    if (code === undefined || Number(code) === 0) continue;
    const message = messageText(field(list[i], 'msg'));
    errors.push({
      dialect: 'bybit-rest-item',
      code,
      shapeExchanges: BYBIT,
      path: `retExtInfo.list[${i}]`,
      ...(message !== undefined ? { message } : {}),
    });
  }
  return errors;
}

/** A failed op: the code Bybit gives, if any; else the op stands in for it. */
function opError(value: JsonObject, code: string | undefined): RawError[] {
  if (code !== undefined && Number(code) === 0) return [];
  const message = messageText(field(value, 'ret_msg'));
  const op = field(value, 'op');
  const opName = typeof op === 'string' && op !== '' ? op.slice(0, 40) : 'op';
  return [
    {
      dialect: 'bybit-ws-op',
      code: code ?? opName,
      shapeExchanges: BYBIT,
      ...(code === undefined ? { codeless: true } : {}),
      ...(message ? { message } : {}),
    },
  ];
}

/** Bybit's errors in the value, [] for its successes; undefined when it is not Bybit's shape. */
export function bybitErrors(value: JsonObject): RawError[] | undefined {
  const v5 = Object.hasOwn(value, 'retCode');
  const legacy = !v5 && Object.hasOwn(value, 'ret_code');
  const code = codeText(field(value, v5 ? 'retCode' : 'ret_code'));
  if (field(value, 'success') === false && typeof field(value, 'ret_msg') === 'string') {
    return opError(value, code);
  }
  if (!v5 && !legacy) return undefined;
  if (code === undefined) return [];
  if (Number(code) === 0) return v5 ? batchItemErrors(field(value, 'retExtInfo')) : [];
  const message = messageText(field(value, v5 ? 'retMsg' : 'ret_msg'));
  const error: RawError = { dialect: 'bybit-rest', code, shapeExchanges: BYBIT };
  return [message === undefined ? error : { ...error, message }];
}
