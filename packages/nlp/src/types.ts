// Shapes shared across the package: a message to classify and a labelled training example.

/** What an operator sees of a request: an optional subject line and the free-text detail. */
export interface MessageText {
  subject?: string | null;
  detail: string;
}

/** A message with the category it was finally filed under. */
export interface LabelledExample extends MessageText {
  label: string;
}
