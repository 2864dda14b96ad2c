/** The documented column set of a CSV import: one row per organization, with its main site, one service and one licence. */
export interface CsvColumn {
  name: string;
  required?: boolean;
  description: string;
  example: string;
}

export const CSV_COLUMNS: CsvColumn[] = [
  { name: 'name_sq', required: true, description: 'Name in Albanian (required, at most 300 characters)', example: 'Qendra për Mbështetjen e Familjes' },
  { name: 'name_sr', description: 'Name in Serbian', example: 'Centar za podršku porodici' },
  { name: 'name_en', description: 'Name in English', example: 'Family Support Centre' },
  { name: 'acronym', description: 'Acronym, at most 30 characters', example: 'QMF' },
  { name: 'legal_form', description: 'ASSOCIATION, FOUNDATION or OTHER', example: 'ASSOCIATION' },
  { name: 'registration_number', description: 'NGO registration number (used to detect duplicates)', example: '5112345-6' },
  { name: 'registration_date', description: 'YYYY-MM-DD, not in the future', example: '2012-03-15' },
  { name: 'public_benefit', description: 'yes or no', example: 'yes' },
  { name: 'website', description: 'http:// or https:// address', example: 'https://example.org' },
  { name: 'email', description: 'Contact email', example: 'info@example.org' },
  { name: 'phone', description: 'Digits, spaces, + - ( ) /', example: '+383 38 123 456' },
  { name: 'year_founded', description: 'Year, 1900 to this year', example: '2005' },
  { name: 'staff_count', description: 'Whole number, 0 to 100000', example: '12' },
  { name: 'volunteer_count', description: 'Whole number, 0 to 100000', example: '30' },
  { name: 'status', description: 'ACTIVE (default), INACTIVE or CLOSED', example: 'ACTIVE' },
  { name: 'description_sq', description: 'Description in Albanian, at most 10000 characters', example: 'Ofron këshillim për familjet.' },
  { name: 'municipality', required: true, description: 'Municipality code or name (sq, sr or en) of the main site', example: 'prishtine' },
  { name: 'address', description: 'Street address of the main site', example: 'Rr. Agim Ramadani 15' },
  { name: 'lat', description: 'Latitude of the main site (with lng; inside the municipality)', example: '42.6629' },
  { name: 'lng', description: 'Longitude of the main site (with lat)', example: '21.1655' },
  { name: 'service_name_sq', description: 'Name of the service in Albanian', example: 'Këshillim familjar' },
  { name: 'service_categories', description: 'Category codes separated by ; (required with a service)', example: 'counselling.family' },
  { name: 'service_target_groups', description: 'Target group codes separated by ;', example: 'families-in-need;youth' },
  { name: 'service_area', description: 'Municipality codes separated by ; (default: the site municipality)', example: 'prishtine;obiliq' },
  { name: 'service_capacity', description: 'Beneficiaries per year, whole number', example: '250' },
  { name: 'service_fee', description: 'FREE, FEE or SLIDING_SCALE', example: 'FREE' },
  { name: 'licence_number', description: 'Licence number (required with other licence columns)', example: 'LIC-2024-00123' },
  { name: 'licence_authority', description: 'Issuing authority (default Ministria e Drejtësisë)', example: 'Ministria e Drejtësisë' },
  { name: 'licence_categories', description: 'Category codes the licence covers, separated by ;', example: 'counselling' },
  { name: 'licence_valid_from', description: 'YYYY-MM-DD', example: '2024-01-01' },
  { name: 'licence_valid_until', description: 'YYYY-MM-DD, on or after valid_from; empty for open-ended', example: '2027-12-31' },
];

/** A template file with the header and one example row. */
export function csvTemplate(): string {
  const quote = (v: string) => (/[",;\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return `${CSV_COLUMNS.map((c) => c.name).join(',')}\n${CSV_COLUMNS.map((c) => quote(c.example)).join(',')}\n`;
}
