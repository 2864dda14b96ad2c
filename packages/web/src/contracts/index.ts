// The contracts feature's public entry: a provider's profile shows its contracts with the same
// table, and recording a contract offers the same modalities.
export { ContractTable } from './ContractTable';
export { MODALITIES } from './contracts';
export { PublicAuthoritiesQuery } from './operations';
