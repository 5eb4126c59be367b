// Errors the io layer throws when it cannot do the job at all (the CLI maps them to exit 2 with the message).
import type { Msg } from '../core/model.js';

/** Input that cannot be used as given: an unreadable --orgs file, a missing config path … */
export class InputError extends Error {
  constructor(readonly msg: Msg) {
    super(msg.id);
    this.name = 'InputError';
  }
}
