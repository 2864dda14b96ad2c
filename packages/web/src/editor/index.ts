// The editor's public entry: what other features may use of it (registering a new organization
// uses the editor's form ⇄ input mapping of a profile).
export { ORGANIZATION_FIELDS, emptyForm, formToInput } from './editor-forms';
