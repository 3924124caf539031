// Synthetic enterprise profiles for the benchmark, from a seeded PRNG: the same seed gives the
// same profiles, byte for byte, on every machine. The mix exercises every branch of the seven
// quantified policies (P09 share above and below 70%/60%, P10/P11 windows and headquarters,
// P12 rates and excluded industries, P20/P21 parcels, P22 utilities and facilities), plus sparse
// profiles (needs-info everywhere) and about 1% invalid lines (broken JSON, bad dates, unknown keys).
import { creditCodeCheckCharacter } from '../dist/engine/profile/credit-code.js';

/** mulberry32: a small, fast 32-bit PRNG; good enough to vary test data, and reproducible. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const INDUSTRIES = ['new-finance', 'service-outsourcing', 'big-health', 'culture-tourism', 'professional-services', 'logistics', 'ecommerce', 'bonded-trade', 'cloud-bigdata', 'hq-transit-trade', 'other'];
const DISTRICTS = ['渝中区', '渝北区', '九龙坡区', '江北区', '万州区', '石柱土家族自治县', '黔江区', '永川区', '开县', '成都市武侯区'];
const DIVISIONS = ['500103', '500112', '500107', '500240', '510107', '110105'];
const CODES = ['I6510', 'I6540', 'L7244', 'M7491', 'J6930', 'H6110', 'F5123', 'C3511', 'C1610', 'G5810', 'R9011', 'K7010', 'Q8411'];
const HQ_TYPES = ['enterprise-hq', 'regional-hq', 'procurement-hq', 'rd-hq', 'back-office-center', 'settlement-center'];
const LAND_USES = ['commercial', 'tourism-entertainment', 'industrial', 'comprehensive', 'education-science-culture-health-sports', 'residential'];
const ACQUISITIONS = ['transfer', 'lease-then-transfer', 'old-town-stock'];
const FACILITIES = ['cultural-venue', 'sports-venue', 'star-hotel', 'cruise-ship', 'hot-spring', 'elderly-care', 'public-museum', 'training-teaching', 'student-living', 'private-medical'];
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

export function makeGenerator(seed = 20161102) {
  const rnd = mulberry32(seed);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const chance = (p) => rnd() < p;
  const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
  const money = (lo, hi) => (lo + rnd() * (hi - lo)).toFixed(2);
  const date = (y0, y1) => {
    const y = int(y0, y1);
    const m = int(1, 12);
    const d = int(1, m === 2 ? 28 : 30);
    return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  };
  const creditCode = () => {
    let body = `91${pick(DIVISIONS)}`;
    while (body.length < 17) body += ALPHABET[int(0, 30)];
    return body + creditCodeCheckCharacter(body);
  };

  function fiscalYears() {
    const out = {};
    const first = int(2015, 2022);
    for (let y = first; y <= Math.min(2023, first + int(0, 3)); y++) {
      const revenue = int(500_000, 200_000_000);
      // Main-business share around the 60% and 70% thresholds, and well above and below them.
      const share = pick([0.55, 0.6, 0.65, 0.7, 0.72, 0.88, 0.95, 1]);
      out[String(y)] = {
        revenue: revenue.toFixed(2),
        mainBusinessRevenue: (revenue * share).toFixed(2),
        totalAssets: money(1_000_000, 500_000_000),
        taxableIncome: chance(0.1) ? `-${money(1, 2_000_000)}` : money(0, 20_000_000),
        rdExpensed: chance(0.3) ? '0' : money(10_000, 5_000_000),
        rdIntangibleAmortization: chance(0.5) ? '0.00' : money(1_000, 500_000),
      };
      if (chance(0.05)) delete out[String(y)].revenue;
    }
    return out;
  }

  function taxPayments(from) {
    const list = [];
    const n = int(0, 10);
    const y = Number(from.slice(0, 4));
    for (let i = 0; i < n; i++) list.push({ date: date(y, y + 3), tax: chance(0.5) ? 'cit' : 'vat', amount: money(1_000, 900_000) });
    return list;
  }

  function land() {
    const list = [];
    for (let i = int(0, 3); i > 0; i--) {
      const p = {
        id: `L-${i}${int(100, 999)}`, // unique within a profile: a repeated parcel id is refused
        use: pick(LAND_USES),
        areaSqm: String(int(200, 50_000)),
        basePricePerSqm: money(300, 5_000),
        acquisition: pick(ACQUISITIONS),
        inRecognizedCluster: chance(0.5),
      };
      if (p.acquisition === 'lease-then-transfer') p.leaseYears = int(5, 40);
      if (p.acquisition === 'old-town-stock' && chance(0.7)) p.filedOn = date(2016, 2020);
      if (chance(0.05)) delete p.basePricePerSqm;
      list.push(p);
    }
    return list;
  }

  function utilities() {
    const list = [];
    for (let i = int(0, 3); i > 0; i--) {
      const kind = pick(['electricity', 'water', 'gas']);
      const current = kind === 'electricity' ? 0.6 + rnd() * 0.4 : kind === 'water' ? 3 + rnd() * 3 : 2 + rnd() * 1.5;
      const u = { kind, quantity: String(int(1_000, 3_000_000)), unit: kind === 'electricity' ? 'kWh' : 'm3', currentPrice: current.toFixed(4), referencePrices: {} };
      if (kind === 'water' && chance(0.3)) u.purpose = 'bathing';
      if (chance(0.9)) u.referencePrices.industrial = (current * (0.7 + rnd() * 0.4)).toFixed(4);
      if (chance(0.5)) u.referencePrices.residential = (current * (0.6 + rnd() * 0.3)).toFixed(4);
      if (chance(0.3)) u.referencePrices.publicMedical = (current * (0.6 + rnd() * 0.3)).toFixed(4);
      list.push(u);
    }
    return list;
  }

  function complete(i) {
    const registrationDate = date(2010, 2020);
    const p = { name: `重庆测试企业${i}有限公司`, registrationDate };
    if (chance(0.8)) p.creditCode = creditCode();
    if (chance(0.9)) p.district = pick(DISTRICTS);
    if (p.district === '九龙坡区' && chance(0.5)) p.functionalRegion = 'core';
    p.industry = pick(INDUSTRIES);
    if (chance(0.85)) p.nationalIndustryCode = pick(CODES);
    p.ownership = pick(['private', 'state', 'collective', 'foreign', 'mixed']);
    p.establishment = pick(['new', 'new', 'relocated', 'restructured']);
    if (chance(0.3)) p.size = pick(['large', 'medium', 'small', 'micro']);
    p.employees = int(1, 2_000);
    if (chance(0.8)) p.technologySme = chance(0.4);
    if (chance(0.9)) p.encouragedCatalog = chance(0.7);
    p.headquarters = chance(0.7) ? null : { type: pick(HQ_TYPES), ...(chance(0.8) ? { recognized: chance(0.6) } : {}) };
    p.fiscalYears = fiscalYears();
    if (chance(0.9)) p.taxPayments = taxPayments(registrationDate);
    if (chance(0.8)) p.land = land();
    p.facilities = FACILITIES.filter(() => chance(0.1));
    if (chance(0.85)) p.utilities = utilities();
    p.activities = { recruitingTalent: chance(0.5), trainingTalent: chance(0.5), supportedProject: chance(0.3) };
    return p;
  }

  function sparse(i) {
    const p = { name: `资料不全企业${i}`, registrationDate: date(2015, 2019) };
    if (chance(0.5)) p.industry = pick(INDUSTRIES);
    if (chance(0.3)) p.district = pick(DISTRICTS);
    return p;
  }

  /** One NDJSON line (without the newline). */
  function invalid(i) {
    const p = complete(i);
    switch (int(0, 4)) {
      case 0: return JSON.stringify(p).slice(0, -5); // truncated
      case 1: return JSON.stringify({ ...p, registrationDate: '2017-02-30' });
      case 2: return JSON.stringify({ ...p, employes: 12 }); // a typo
      case 3: return JSON.stringify({ ...p, fiscalYears: { 2017: { revenue: '-5.00' } } });
      default: return JSON.stringify({ ...p, name: '' });
    }
  }

  let i = 0;
  return function next() {
    i++;
    const r = rnd();
    if (r < 0.01) return invalid(i);
    if (r < 0.11) return JSON.stringify(sparse(i));
    return JSON.stringify(complete(i));
  };
}
