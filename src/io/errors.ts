// Errors the io layer throws when it cannot do the job at all (the CLI maps them to exit 2 with the message).

/** Input that cannot be used as given: an unknown --area, an unreadable --orgs file … Message in zh / en. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}
