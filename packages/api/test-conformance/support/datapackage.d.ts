/** The Frictionless Data reference library ships no types; the conformance suite uses this much of it. */
declare module 'datapackage' {
  interface DescriptorCheck {
    valid: boolean;
    errors: Error[];
  }
  export interface DataResource extends DescriptorCheck {
    name: string;
    /** Rows cast to the Table Schema; throws an error with `errors` when a value does not fit. */
    read(options?: { keyed?: boolean; cast?: boolean }): Promise<unknown[][]>;
  }
  export const Resource: { load(descriptor: object): Promise<DataResource> };
  export const Package: { load(descriptor: object): Promise<DescriptorCheck & { resources: DataResource[] }> };
}
