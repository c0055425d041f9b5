// Where trusted partners and developers are: the early-access programme spans 15+ countries.
// Weights are shares of the partners; cities are real places, used in fictional names.
export interface Country {
  /** ISO 3166-1 alpha-2. */
  readonly code: string;
  readonly partnerWeight: number;
  readonly cities: readonly string[];
}

export const COUNTRIES: readonly Country[] = [
  { code: 'US', partnerWeight: 34, cities: ['Boston', 'Chicago', 'Houston', 'Phoenix', 'Denver', 'Atlanta', 'Seattle', 'Columbus', 'Charlotte', 'Pittsburgh', 'Baltimore', 'Richmond', 'Sacramento', 'Omaha', 'Tulsa', 'Raleigh', 'Nashville', 'Portland', 'Minneapolis', 'Cleveland'] },
  { code: 'GB', partnerWeight: 8, cities: ['Manchester', 'Leeds', 'Bristol', 'Glasgow', 'Edinburgh', 'Cardiff', 'Birmingham', 'Sheffield', 'Belfast', 'Newcastle'] },
  { code: 'DE', partnerWeight: 7, cities: ['Hamburg', 'Munich', 'Cologne', 'Frankfurt', 'Stuttgart', 'Leipzig', 'Dresden', 'Hanover', 'Bremen', 'Nuremberg'] },
  { code: 'CA', partnerWeight: 6, cities: ['Toronto', 'Montreal', 'Calgary', 'Vancouver', 'Ottawa', 'Winnipeg', 'Halifax', 'Edmonton'] },
  { code: 'FR', partnerWeight: 6, cities: ['Lyon', 'Toulouse', 'Marseille', 'Nantes', 'Bordeaux', 'Lille', 'Rennes', 'Strasbourg'] },
  { code: 'JP', partnerWeight: 6, cities: ['Osaka', 'Yokohama', 'Nagoya', 'Fukuoka', 'Sapporo', 'Kobe', 'Sendai', 'Hiroshima'] },
  { code: 'AU', partnerWeight: 5, cities: ['Sydney', 'Melbourne', 'Brisbane', 'Perth', 'Adelaide', 'Canberra', 'Hobart'] },
  { code: 'SG', partnerWeight: 4, cities: ['Singapore', 'Jurong', 'Tampines', 'Woodlands'] },
  { code: 'NL', partnerWeight: 3, cities: ['Rotterdam', 'Utrecht', 'Eindhoven', 'Groningen', 'The Hague'] },
  { code: 'KR', partnerWeight: 3, cities: ['Seoul', 'Busan', 'Incheon', 'Daegu', 'Daejeon', 'Gwangju'] },
  { code: 'IN', partnerWeight: 3, cities: ['Mumbai', 'Bengaluru', 'Chennai', 'Pune', 'Hyderabad', 'Kolkata', 'Ahmedabad'] },
  { code: 'CH', partnerWeight: 3, cities: ['Zurich', 'Geneva', 'Basel', 'Lausanne', 'Bern', 'Lucerne'] },
  { code: 'SE', partnerWeight: 2, cities: ['Stockholm', 'Gothenburg', 'Malmö', 'Uppsala', 'Västerås'] },
  { code: 'IE', partnerWeight: 2, cities: ['Dublin', 'Cork', 'Galway', 'Limerick'] },
  { code: 'IT', partnerWeight: 2, cities: ['Milan', 'Turin', 'Bologna', 'Florence', 'Genoa', 'Naples'] },
  { code: 'ES', partnerWeight: 2, cities: ['Madrid', 'Barcelona', 'Valencia', 'Seville', 'Bilbao', 'Zaragoza'] },
  { code: 'BR', partnerWeight: 2, cities: ['São Paulo', 'Rio de Janeiro', 'Curitiba', 'Porto Alegre', 'Belo Horizonte', 'Recife'] },
  { code: 'IL', partnerWeight: 2, cities: ['Tel Aviv', 'Haifa', 'Jerusalem', "Be'er Sheva"] },
  { code: 'NO', partnerWeight: 1, cities: ['Oslo', 'Bergen', 'Trondheim', 'Stavanger'] },
  { code: 'DK', partnerWeight: 1, cities: ['Copenhagen', 'Aarhus', 'Odense', 'Aalborg'] },
];

/** Frontier developers are mostly American, with labs in a few allied countries. */
export const DEVELOPER_COUNTRIES: ReadonlyArray<{ readonly value: string; readonly weight: number }> = [
  { value: 'US', weight: 62 },
  { value: 'GB', weight: 10 },
  { value: 'FR', weight: 6 },
  { value: 'CA', weight: 6 },
  { value: 'DE', weight: 5 },
  { value: 'IL', weight: 4 },
  { value: 'CH', weight: 3 },
  { value: 'NL', weight: 2 },
  { value: 'SE', weight: 2 },
];

