/**
 * The departments the articles name, and those that hold their functions now, in English. An
 * English reader still needs the Chinese name, which is what the office is called at its door and
 * on its website: English output gives both. A department of another rule set, not listed here,
 * is shown as the rules write it.
 */
const ENGLISH: ReadonlyMap<string, string> = new Map([
  // Named by the 2016 articles.
  ['市财政局', 'Chongqing Municipal Finance Bureau'],
  ['市国税局', 'Chongqing State Taxation Bureau'],
  ['市地税局', 'Chongqing Local Taxation Bureau'],
  ['市工商局', 'Chongqing Administration for Industry and Commerce'],
  ['市中小企业局', 'Chongqing SME Bureau'],
  ['市发展改革委', 'Chongqing Municipal Development and Reform Commission'],
  ['市经济信息委', 'Chongqing Municipal Commission of Economy and Information Technology'],
  ['市物价局', 'Chongqing Price Bureau'],
  ['市商务委', 'Chongqing Municipal Commission of Commerce'],
  ['市人力社保局', 'Chongqing Municipal Human Resources and Social Security Bureau'],
  ['市国土房管局', 'Chongqing Land Resources and Housing Administration Bureau'],
  ['市旅游局', 'Chongqing Tourism Administration'],
  ['市科委', 'Chongqing Science and Technology Commission'],
  ['市金融办', 'Chongqing Financial Affairs Office'],
  ['人行重庆营管部', "People's Bank of China, Chongqing Operations Office"],
  ['各区县人民政府', "the district and county people's governments"],
  ['各行业主管部门', 'the competent authority of each industry'],
  ['市政府有关部门', 'the municipal government departments concerned'],
  ['有关单位', 'the other bodies concerned'],
  // Their successors (rules/parameters/departments.yaml).
  ['国家税务总局重庆市税务局', 'Chongqing Tax Service, State Taxation Administration'],
  ['市市场监管局', 'Chongqing Administration for Market Regulation'],
  ['市科技局', 'Chongqing Science and Technology Bureau'],
  ['市文化旅游委', 'Chongqing Municipal Commission of Culture and Tourism Development'],
  ['市规划自然资源局', 'Chongqing Planning and Natural Resources Bureau'],
  ['市金融监管局', 'Chongqing Local Financial Supervision and Administration Bureau'],
]);

/** A department as an English reader is told it: its English name and, beside it, its own. */
export function departmentInEnglish(name: string): string {
  const en = ENGLISH.get(name);
  return en === undefined ? name : `${en} (${name})`;
}

/** A department's English name alone, where it is known; else its own. */
export function englishName(name: string): string {
  return ENGLISH.get(name) ?? name;
}

/** The departments this module has English for (for the test that every shipped one is here). */
export const DEPARTMENTS_IN_ENGLISH: readonly string[] = [...ENGLISH.keys()];
