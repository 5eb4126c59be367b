// The quota feature's words, as messages: `quota/<id>` in the catalogue (src/formatters/catalogue/quota.ts).
import type { Msg, MsgArg } from '../model.js';

/** A text to show: a message, rendered by the formatters in the chosen language. */
export type Text = Msg;

/** The message `quota/<id>` with its data. */
export function quotaText(id: string, data: Record<string, MsgArg | undefined> = {}): Text {
  return { id: `quota/${id}`, data };
}

/** Parts shown as one list (joined as the language joins lists). */
export function joinText(parts: Text[]): MsgArg {
  return parts;
}
