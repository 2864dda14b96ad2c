import { LegalForm } from '../organizations/organization.enums';
import profiles from './demo-profiles.json';

/**
 * Word lists and templates of the demo generator. Names are assembled from generic templates and
 * invented brand words so that they read like Kosovo CSOs without naming a real one; every
 * description also says that the profile is fictional.
 */

/** `{b}` is replaced by the brand word. Quotation marks follow each language's usage. */
export interface NameTemplate {
  sq: string;
  sr: string;
  en: string;
  legalForm?: LegalForm;
}

export interface Profile {
  key: string;
  /** Relative share of organizations with this profile. */
  weight: number;
  templates: NameTemplate[];
  /** Leaf category codes the profile's services are drawn from, with relative weights. */
  categories: [code: string, weight: number][];
}

/**
 * The organization profiles, kept as data in demo-profiles.json (one entry per kind of CSO: its
 * weight, name templates and the categories its services are drawn from). A template's legal form,
 * when it has one, is checked against LegalForm here so that a typo fails at start, not in a record.
 */
export const PROFILES: Profile[] = profiles.map((profile) => ({
  ...profile,
  templates: profile.templates.map((template) => ({ ...template, legalForm: legalFormOf(template) })),
  categories: profile.categories.map(([code, weight]) => [String(code), Number(weight)]),
}));

function legalFormOf(template: { legalForm?: string }): LegalForm | undefined {
  if (template.legalForm === undefined) return undefined;
  if (!(Object.values(LegalForm) as string[]).includes(template.legalForm)) throw new Error(`demo-profiles.json: unknown legal form ${template.legalForm}`);
  return template.legalForm as LegalForm;
}

/** Target groups a service of each leaf category plausibly serves, most typical first. */
export const CATEGORY_TARGET_GROUPS: Record<string, string[]> = {
  'residential.shelter-domestic-violence': ['victims-of-domestic-violence', 'women-and-girls', 'child-victims'],
  'residential.shelter-trafficking': ['victims-of-trafficking', 'women-and-girls', 'child-victims'],
  'residential.children': ['children-without-parental-care', 'child-victims'],
  'residential.elderly': ['elderly', 'persons-with-disabilities'],
  'residential.disability': ['persons-with-disabilities', 'mental-health'],
  'residential.supported-living': ['persons-with-disabilities', 'mental-health', 'children-without-parental-care', 'youth'],
  'day-care.disability': ['persons-with-disabilities', 'families-in-need'],
  'day-care.elderly': ['elderly', 'people-in-poverty'],
  'day-care.children-street': ['street-involved-children', 'roma-ashkali-egyptian', 'people-in-poverty'],
  'community.home-care': ['elderly', 'persons-with-disabilities'],
  'community.early-intervention': ['persons-with-disabilities', 'families-in-need'],
  'community.rehabilitation': ['persons-with-disabilities', 'mental-health', 'persons-with-addictions'],
  'community.personal-assistance': ['persons-with-disabilities', 'elderly'],
  'counselling.psychosocial': ['mental-health', 'victims-of-domestic-violence', 'youth', 'child-victims', 'victims-of-trafficking', 'lgbti'],
  'counselling.family': ['families-in-need', 'youth', 'children-without-parental-care'],
  'counselling.legal-aid': ['victims-of-domestic-violence', 'repatriated-persons', 'roma-ashkali-egyptian', 'people-in-poverty', 'women-and-girls'],
  'counselling.helpline': ['victims-of-domestic-violence', 'youth', 'mental-health', 'child-victims', 'lgbti'],
  'counselling.addiction': ['persons-with-addictions', 'youth'],
  'family.foster-care': ['children-without-parental-care', 'families-in-need'],
  'family.adoption': ['children-without-parental-care', 'families-in-need'],
  'family.child-protection': ['child-victims', 'children-without-parental-care', 'families-in-need'],
  'family.juvenile-justice': ['children-in-conflict-with-law', 'youth'],
  'reintegration.employment': ['youth', 'persons-with-disabilities', 'women-and-girls', 'victims-of-trafficking', 'repatriated-persons'],
  'reintegration.returnees': ['repatriated-persons', 'roma-ashkali-egyptian', 'families-in-need'],
  'reintegration.economic-empowerment': ['women-and-girls', 'victims-of-domestic-violence', 'people-in-poverty', 'roma-ashkali-egyptian'],
  'prevention.awareness': ['youth', 'women-and-girls', 'victims-of-domestic-violence', 'persons-with-addictions', 'lgbti'],
  'prevention.outreach': ['street-involved-children', 'roma-ashkali-egyptian', 'persons-with-addictions', 'people-in-poverty', 'youth'],
  'prevention.material-support': ['people-in-poverty', 'families-in-need', 'elderly', 'roma-ashkali-egyptian'],
};

/** Beneficiaries per year by top-level category: [min, max]. */
export const CAPACITY_BY_PARENT: Record<string, [number, number]> = {
  residential: [8, 90],
  'day-care': [15, 150],
  community: [20, 400],
  counselling: [40, 1500],
  family: [10, 250],
  reintegration: [20, 400],
  prevention: [100, 3000],
};

/** Invented brand words: common Albanian nouns, none taken from a real organization's name. */
export const BRANDS_SQ = [
  'Drita', 'Shpresa', 'Ylli', 'Jeta', 'Zemra', 'Ura', 'Agimi', 'Bleta', 'Liria', 'Paqja', 'Besa', 'Miqësia',
  'Horizonti', 'Vatra', 'Fidani', 'Ylberi', 'Pranvera', 'Lulja', 'Kaltra', 'Mirësia', 'Ardhmëria', 'Dielli',
  'Hëna', 'Flladi', 'Burimi', 'Rrezja', 'Flutura', 'Gjethja', 'Ëndrra', 'Gëzimi', 'Qielli', 'Hapi', 'Shtegu',
  'Lisi', 'Zgjimi', 'Guximi', 'Krahu', 'Kalliri', 'Trëndafili', 'Dallëndyshja', 'Pishtari', 'Ylli i Mëngjesit',
];
export const BRANDS_SR = ['Nada', 'Sunce', 'Most', 'Zora', 'Duga', 'Srce', 'Izvor', 'Svetlost', 'Maslačak', 'Lasta', 'Sloga', 'Vidik', 'Iskra', 'Oaza'];
export const BRANDS_TR = ['Umut', 'Yıldız', 'Işık', 'Dostluk', 'Gelecek', 'Gökkuşağı'];
export const BRANDS_BS = ['Nur', 'Behar', 'Sevdah', 'Most', 'Izvor'];
export const BRANDS_NEUTRAL = ['Iris', 'Aurora', 'Nova', 'Viva', 'Alba', 'Terra', 'Luna', 'Vita', 'Orbita', 'Kompas'];

/** Local communities whose organizations name themselves and work in their own language. */
export type Community = 'alb' | 'srb' | 'tur' | 'bos';

/** Share of organizations of each non-Albanian community by home municipality (the rest are Albanian). */
export const COMMUNITY_SHARES: Record<string, Partial<Record<Exclude<Community, 'alb'>, number>>> = {
  gracanice: { srb: 0.85 },
  leposaviq: { srb: 0.95 },
  zvecan: { srb: 0.95 },
  'zubin-potok': { srb: 0.95 },
  'mitrovice-veriut': { srb: 0.85, bos: 0.05 },
  shterpce: { srb: 0.7 },
  kllokot: { srb: 0.75 },
  partesh: { srb: 0.9 },
  ranillug: { srb: 0.9 },
  novoberde: { srb: 0.35 },
  obiliq: { srb: 0.08 },
  mamushe: { tur: 0.8 },
  prizren: { tur: 0.12, bos: 0.1 },
  dragash: { bos: 0.3 },
  peje: { bos: 0.08 },
  istog: { bos: 0.05 },
  gjilan: { tur: 0.03, srb: 0.03 },
  prishtine: { tur: 0.03, srb: 0.02 },
};

export const STREETS_SQ = [
  'Rruga e Shkollës', 'Rruga e Pavarësisë', 'Rruga e Lirisë', 'Rruga e Paqes', 'Rruga e Tregut', 'Rruga e Stacionit',
  'Rruga e Spitalit', 'Rruga e Parkut', 'Rruga e Bashkimit', 'Rruga e Lumit', 'Rruga e Kodrës', 'Rruga e Blinit',
  'Rruga e Trëndafilave', 'Rruga e Arsimit', 'Rruga e Pishave', 'Rruga e Ujëvarës', 'Sheshi i Qytetit', 'Rruga e Vreshtave',
];
export const STREETS_SR = ['Školska', 'Ulica mira', 'Ulica slobode', 'Ulica lipa', 'Ulica jorgovana', 'Glavna ulica', 'Bolnička', 'Ulica kestenova', 'Trg opštine'];

export const SITE_KINDS_SQ = ['Selia', 'Zyra', 'Qendra ditore', 'Pika e shërbimit', 'Zyra në terren', 'Qendra komunitare'];

export const ACCESSIBILITY_SQ = [
  'Hyrje pa shkallë dhe tualet i përshtatur.',
  'Rampë në hyrje; parkim për persona me aftësi të kufizuara.',
  'Ashensor deri në të gjitha katet.',
  'Në katin e parë, pa ashensor.',
  'Përkthim në gjuhën e shenjave me kërkesë paraprake.',
  'Hyrje pa shkallë; materiale informuese në shkrimin Braille.',
];

/** OpenStreetMap opening_hours syntax: language-neutral and machine-readable. */
export const OPENING_HOURS = ['Mo-Fr 08:00-16:00', 'Mo-Fr 08:00-16:00; Sa 09:00-13:00', 'Mo-Fr 09:00-17:00', 'Mo-Th 08:00-16:00; Fr 08:00-14:00', 'Mo-Sa 08:00-20:00'];

export const ELIGIBILITY_SQ = [
  'Pa kushte; shërbimi është konfidencial.',
  'Me referim nga Qendra për Punë Sociale.',
  'Me referim nga Qendra për Punë Sociale ose me kërkesë personale.',
  'Banorë të komunave që mbulon shërbimi.',
  'Familje që marrin ndihmë sociale, me përparësi.',
];

export const ELIGIBILITY_BY_CATEGORY: Record<string, string> = {
  'community.early-intervention': 'Fëmijë 0–6 vjeç me vonesa në zhvillim dhe familjet e tyre.',
  'residential.elderly': 'Persona mbi 65 vjeç që nuk mund të jetojnë vetëm.',
  'day-care.elderly': 'Persona mbi 65 vjeç.',
  'family.juvenile-justice': 'Fëmijë 14–18 vjeç, me referim nga gjykata ose shërbimi sprovues.',
  'residential.shelter-domestic-violence': 'Viktima të dhunës në familje dhe fëmijët e tyre, në çdo orë.',
  'residential.shelter-trafficking': 'Viktima dhe viktima të mundshme të trafikimit, me referim ose drejtpërdrejt.',
};

/** Municipal bodies that license or fund social services, named as in local practice. */
export const MUNICIPAL_DIRECTORATE_SQ = 'Drejtoria për Shëndetësi dhe Mirëqenie Sociale, Komuna e';

export const MINISTRY_OF_JUSTICE_SQ = 'Ministria e Drejtësisë';

/** Short prefixes of contract references by authority code (municipal ones are derived from the code). */
export const AUTHORITY_PREFIX: Record<string, string> = {
  'ministry-justice': 'MD',
  'ministry-finance-labour-transfers': 'MFPT',
  'ministry-health': 'MSH',
  'ministry-education': 'MASHTI',
  'ministry-internal-affairs': 'MPB',
};

/** Relative weights of ministries as funders of social and family services. */
export const MINISTRY_WEIGHTS: Record<string, number> = {
  'ministry-finance-labour-transfers': 50,
  'ministry-justice': 25,
  'ministry-health': 10,
  'ministry-education': 10,
  'ministry-internal-affairs': 5,
};

/** Small words that do not contribute a letter to an acronym. */
export const ACRONYM_STOPWORDS = new Set(['e', 'i', 'të', 'për', 'me', 'dhe', 'në', 'kundër']);
