/**
 * The unit register, built from the facts of admin-units/an-giang-2025.json (sources in
 * admin-units/README.md): the province and the two it was formed from, the 26 former
 * districts, the 102 communes in force from 2025-07-01 and the former communes, with their
 * lineage both ways. Pure: the same file gives the same register.
 *
 * Ids (a unit is its id and its validity, never its code or name alone):
 * - a district: the slug of its whole name ("thanh-pho-long-xuyen"), with "-CODE" when two share it;
 * - a current unit or the province: the slug of its name without its kind word ("long-xuyen",
 *   "phu-quoc", "an-giang"); no two share one (checked);
 * - any other unit: the same, when no other unit of the register has that slug, else slug-CODE
 *   ("binh-duc-30289", the old Phường Bình Đức, beside the new binh-duc; "an-giang-89").
 * A former commune with the same code and name as a current unit that it went into whole is that
 * unit (it continued: one record, the current id, validFrom null, `changes` for what it absorbed).
 */
import { Unit, type UnitChange, type UnitKind, type UnitLink } from '../src/api/contract';
import { AdminUnitsFile, type Member, type NewUnit } from './register-source';

/** A key per unit while ids are given: P:code province, D:code district, N:code current, O:code former, E:code ended 2024-12-31. */
type Key = string;

const COMMUNE_WORDS: readonly (readonly [string, UnitKind])[] = [
  ['Phường ', 'phuong'],
  ['Xã ', 'xa'],
  ['Thị trấn ', 'thi_tran'],
  ['Đặc khu ', 'dac_khu'],
];
const DISTRICT_WORDS: readonly (readonly [string, UnitKind])[] = [
  ['Thành phố ', 'thanh_pho'],
  ['Thị xã ', 'thi_xa'],
  ['Huyện ', 'huyen'],
];
const PROVINCE_WORDS: readonly (readonly [string, UnitKind])[] = [['Tỉnh ', 'tinh']];

/** Lower-case ASCII words joined by "-": "Phường Mỹ Thới" → "phuong-my-thoi". */
export function slugOf(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A name's kind word and the rest: "Thành phố Long Xuyên" → thanh_pho, "Long Xuyên". */
function kindWord(name: string, words: readonly (readonly [string, UnitKind])[]): { kind: UnitKind; bare: string } {
  const hit = words.find(([word]) => name.startsWith(word));
  if (!hit) throw new Error(`register: "${name}" starts with none of ${words.map(([w]) => `"${w.trim()}"`).join(', ')}`);
  return { kind: hit[1], bare: name.slice(hit[0].length) };
}

/** The day before an ISO date. */
function dayBefore(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The legal bases of the file, as the dashboard shows them (in Vietnamese). A form not known
 * here stops the build, so that an English note never reaches a page.
 */
function legalBasisText(raw: string): string {
  const clause = /^1654\/NQ-UBTVQH15 Điều 1 khoản (\d+)( \(not rearranged\))?$/.exec(raw);
  if (clause) return `Nghị quyết 1654/NQ-UBTVQH15, Điều 1, khoản ${clause[1]}${clause[2] ? ' (giữ nguyên)' : ''}`;
  const known: Record<string, string> = {
    '1285/NQ-UBTVQH15 (14 Nov 2024)': 'Nghị quyết 1285/NQ-UBTVQH15 ngày 14/11/2024',
    '2023-2025 arrangement round effective 2025-01-01 (resolution number not verified here)':
      'Sắp xếp đơn vị hành chính cấp xã giai đoạn 2023–2025, có hiệu lực từ 01/01/2025 (chưa rõ số nghị quyết)',
    'Resolution 202/2025/QH15 (province merger); Resolution 1654/NQ-UBTVQH15 (communes)':
      'Nghị quyết 202/2025/QH15 (sắp xếp tỉnh); Nghị quyết 1654/NQ-UBTVQH15 (sắp xếp cấp xã)',
  };
  const text = known[raw];
  if (!text) throw new Error(`register: no Vietnamese form for the legal basis "${raw}"`);
  return text;
}

/**
 * The name of a unit absorbed on 2025-01-01 as the file gives it: the file marks the old
 * Vĩnh Thanh Vân (30730) "(old code)" to tell it from the unit of 2025 that took its name.
 */
function absorbedName(name: string): string {
  return name.replace(/ \(old code\)$/, '');
}

function joined(texts: readonly string[]): string | undefined {
  const unique = [...new Set(texts)];
  return unique.length > 0 ? unique.join('; ') : undefined;
}

function others(name: string, texts: readonly (string | undefined)[]): string[] | undefined {
  const unique = [...new Set(texts.filter((t): t is string => !!t && t !== name))];
  return unique.length > 0 ? unique : undefined;
}

/** The record without the fields left undefined, checked by the contract. */
function unit(fields: { [K in keyof Unit]: Unit[K] | undefined }): Unit {
  return Unit.parse(Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)));
}

/** What a merger of 2025-01-01 gives the record of the unit it made or enlarged. */
interface EarlierLineage {
  validFrom?: string;
  formedFrom?: UnitLink[];
  changes?: UnitChange[];
  /** The act that made the unit, for a unit formed then. */
  basis?: string;
}

/** Whether a member is the new unit itself: the same code and name, and it went in whole. */
const continues = (u: NewUnit, m: Member) => m.code === u.code && m.name === u.name && m.whole;

export function buildRegister(json: unknown): Unit[] {
  const file = AdminUnitsFile.parse(json);
  const reform = file.province.validFrom;
  const lastDay = dayBefore(reform);
  const { bare: provinceName } = kindWord(file.province.name, PROVINCE_WORDS);

  // ---- every former commune as a member of the new unit(s) it went into, checked both ways
  const membership = new Map<string, { into: NewUnit; member: Member }[]>();
  for (const u of file.units) {
    for (const m of u.formedFrom) membership.set(m.code, [...(membership.get(m.code) ?? []), { into: u, member: m }]);
  }
  checkLineage(file, membership);
  const continuing = new Map<string, NewUnit>(); // a former code → the current unit it is
  for (const u of file.units) for (const m of u.formedFrom) if (continues(u, m)) continuing.set(m.code, u);
  const memberOf = (code: string): Member => membership.get(code)![0]!.member;

  // ---- the slug of each unit, then its id
  const slugs = new Map<Key, { slug: string; code: string; reserved: boolean }>();
  slugs.set(`P:${file.province.code}`, { slug: slugOf(provinceName), code: file.province.code, reserved: true });
  for (const p of file.province.formedFrom) {
    slugs.set(`P:${p.code}:former`, { slug: slugOf(kindWord(p.name, PROVINCE_WORDS).bare), code: p.code, reserved: false });
  }
  const districts = new Map<string, Member>(); // district code → a member that names it
  for (const [code] of membership) {
    const m = memberOf(code);
    if (!districts.has(m.formerDistrictCode)) districts.set(m.formerDistrictCode, m);
  }
  for (const [code, m] of districts) {
    kindWord(m.formerDistrict, DISTRICT_WORDS);
    slugs.set(`D:${code}`, { slug: slugOf(m.formerDistrict), code, reserved: false });
  }
  for (const u of file.units) {
    slugs.set(`N:${u.code}`, { slug: slugOf(kindWord(u.name, COMMUNE_WORDS).bare), code: u.code, reserved: true });
  }
  for (const old of file.oldUnitIndex) {
    if (continuing.has(old.code)) continue;
    slugs.set(`O:${old.code}`, { slug: slugOf(kindWord(old.name, COMMUNE_WORDS).bare), code: old.code, reserved: false });
  }
  const earlier = earlierMergers(file);
  for (const e of earlier) {
    for (const a of e.absorbed) {
      slugs.set(`E:${a.code}`, { slug: slugOf(kindWord(absorbedName(a.name), COMMUNE_WORDS).bare), code: a.code, reserved: false });
    }
  }
  const ids = assignIds(slugs);
  const id = (key: Key): string => {
    const found = ids.get(key);
    if (!found) throw new Error(`register: no unit ${key}`);
    return found;
  };
  /** A former commune's id: its own, or the current unit's if it continued. */
  const oldId = (code: string) => (continuing.has(code) ? id(`N:${code}`) : id(`O:${code}`));
  const provinceId = id(`P:${file.province.code}`);
  const formerProvinceId = (code: string) => id(`P:${code}:former`);

  /** What a merger of 2025-01-01 did to the unit the file records it on. */
  const earlierLineage = (m: Member): EarlierLineage => {
    const e = earlier.find((x) => x.on.code === m.code);
    if (!e) return {};
    const basis = legalBasisText(e.merger.legalBasis);
    if (e.formed) {
      return { validFrom: e.merger.date, formedFrom: e.absorbed.map((a) => ({ unitId: id(`E:${a.code}`), whole: true })), basis };
    }
    // it continued, as a ward that kept its code and name on 2025-07-01 did
    const change: UnitChange = {
      date: e.merger.date,
      absorbed: e.absorbed.map((a) => ({ unitId: id(`E:${a.code}`), name: absorbedName(a.name) })),
      legalBasis: basis,
    };
    return { formedFrom: e.absorbed.map((a) => ({ unitId: id(`E:${a.code}`), whole: true })), changes: [change] };
  };

  // ---- the province, and the two it was formed from
  const province = unit({
    id: provinceId,
    code: file.province.code,
    name: file.province.name,
    kind: 'tinh',
    province: provinceName,
    parentIds: undefined,
    validFrom: reform,
    validTo: null,
    successorId: undefined,
    becamePartOf: undefined,
    formedFrom: file.province.formedFrom.map((p) => ({ unitId: formerProvinceId(p.code), whole: true })),
    changes: undefined,
    legalBasis: legalBasisText(file.province.legalBasis),
    otherNames: undefined,
  });
  const formerProvinces = file.province.formedFrom.map((p) =>
    unit({
      id: formerProvinceId(p.code),
      code: p.code,
      name: p.name,
      kind: 'tinh',
      province: kindWord(p.name, PROVINCE_WORDS).bare,
      parentIds: undefined,
      validFrom: null,
      validTo: lastDay,
      successorId: provinceId,
      becamePartOf: [{ unitId: provinceId, whole: true }],
      formedFrom: undefined,
      changes: undefined,
      legalBasis: province.legalBasis,
      otherNames: undefined,
    }),
  );

  // ---- the former districts: abolished on 2025-07-01; their communes carry the lineage
  const formerDistricts = [...districts]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, m]) =>
      unit({
        id: id(`D:${code}`),
        code,
        name: m.formerDistrict,
        kind: kindWord(m.formerDistrict, DISTRICT_WORDS).kind,
        province: m.formerProvince,
        parentIds: [formerProvinceId(m.formerProvinceCode)],
        validFrom: null,
        validTo: lastDay,
        successorId: undefined,
        becamePartOf: undefined,
        formedFrom: undefined,
        changes: undefined,
        legalBasis: undefined,
        otherNames: undefined,
      }),
    );

  // ---- the units in force from 2025-07-01 (a continuing one is also its former self)
  const current = file.units.map((u) => {
    const self = u.formedFrom.find((m) => continues(u, m));
    const rest = u.formedFrom.filter((m) => m !== self);
    const basis = legalBasisText(u.legalBasis);
    const before: EarlierLineage = self ? earlierLineage(self) : {};
    const changes: UnitChange[] = [
      ...(before.changes ?? []),
      ...(self && rest.length > 0
        ? [{ date: u.validFrom, absorbed: rest.map((m) => ({ unitId: oldId(m.code), name: m.name })), legalBasis: basis }]
        : []),
    ];
    const formedFrom: UnitLink[] = [
      ...(before.formedFrom ?? []),
      ...rest.map((m) => ({ unitId: oldId(m.code), whole: m.whole })),
    ];
    return unit({
      id: id(`N:${u.code}`),
      code: u.code,
      name: u.name,
      kind: u.kind,
      province: provinceName,
      parentIds: self ? [id(`D:${self.formerDistrictCode}`), provinceId] : [provinceId],
      validFrom: self ? (before.validFrom ?? null) : u.validFrom,
      validTo: null,
      successorId: undefined,
      becamePartOf: undefined,
      formedFrom: formedFrom.length > 0 ? formedFrom : undefined,
      changes: changes.length > 0 ? changes : undefined,
      legalBasis: basis,
      otherNames: others(u.name, [
        u.laterSpelling,
        ...u.formedFrom.filter((m) => m === self).flatMap((m) => [m.gsoSpelling, m.nameInResolution]),
      ]),
    });
  });

  // ---- the former communes that ended on 2025-06-30
  const ended = file.oldUnitIndex
    .filter((old) => !continuing.has(old.code))
    .map((old) => {
      const seen = membership.get(old.code)!;
      const m = seen[0]!.member;
      const becamePartOf = old.becamePartOf.map((b) => ({ unitId: id(`N:${b.code}`), whole: b.share === 'whole' }));
      const before = earlierLineage(m);
      return unit({
        id: id(`O:${old.code}`),
        code: old.code,
        name: old.name,
        kind: old.kind,
        province: m.formerProvince,
        parentIds: [id(`D:${m.formerDistrictCode}`)],
        validFrom: before.validFrom ?? null,
        validTo: lastDay,
        successorId: becamePartOf.length === 1 && becamePartOf[0]!.whole ? becamePartOf[0]!.unitId : undefined,
        becamePartOf,
        formedFrom: before.formedFrom,
        changes: before.changes,
        legalBasis: joined([
          ...(before.basis ? [before.basis] : []),
          ...seen.map((s) => legalBasisText(s.into.legalBasis)),
        ]),
        otherNames: others(old.name, seen.flatMap((s) => [s.member.gsoSpelling, s.member.nameInResolution])),
      });
    });

  // ---- the communes that ended on 2024-12-31, in the mergers of 2025-01-01
  const endedEarlier = earlier.flatMap((e) =>
    e.absorbed.map((a) => {
      const name = absorbedName(a.name);
      const into = oldId(e.on.code);
      return unit({
        id: id(`E:${a.code}`),
        code: a.code,
        name,
        kind: kindWord(name, COMMUNE_WORDS).kind,
        province: e.on.formerProvince,
        parentIds: [id(`D:${e.on.formerDistrictCode}`)],
        validFrom: null,
        validTo: dayBefore(e.merger.date),
        successorId: into,
        becamePartOf: [{ unitId: into, whole: true }],
        formedFrom: undefined,
        changes: undefined,
        legalBasis: legalBasisText(e.merger.legalBasis),
        otherNames: undefined,
      });
    }),
  );

  const formerCommunes = [...ended, ...endedEarlier].sort(
    (a, b) => a.code.localeCompare(b.code) || (a.validTo ?? '').localeCompare(b.validTo ?? ''),
  );
  return [province, ...current, ...formerProvinces, ...formerDistricts, ...formerCommunes];
}

/**
 * The mergers of 2025-01-01, from the member that records one: the unit was formed then when
 * one of the units it absorbed had its code (Vĩnh Thanh Vân took Vĩnh Bảo's 30742); otherwise
 * it continued and took the others in (Mỹ Xuyên took in Đông Xuyên).
 */
function earlierMergers(file: AdminUnitsFile) {
  const found = new Map<string, { on: Member; merger: NonNullable<Member['earlierMerger']> }>();
  for (const u of file.units) for (const m of u.formedFrom) if (m.earlierMerger) found.set(m.code, { on: m, merger: m.earlierMerger });
  return [...found.values()].map(({ on, merger }) => ({
    on,
    merger,
    absorbed: merger.absorbed,
    formed: merger.absorbed.some((a) => a.code === on.code),
  }));
}

/** Ids from slugs: a reserved slug is the unit's own (two alike stop the build); any other takes "-CODE" when shared. */
function assignIds(slugs: ReadonlyMap<Key, { slug: string; code: string; reserved: boolean }>): Map<Key, string> {
  const count = new Map<string, number>();
  for (const { slug } of slugs.values()) count.set(slug, (count.get(slug) ?? 0) + 1);
  const ids = new Map<Key, string>();
  const taken = new Map<string, Key>();
  for (const [key, { slug, code, reserved }] of slugs) {
    const unitId = reserved || count.get(slug) === 1 ? slug : `${slug}-${code}`;
    const other = taken.get(unitId);
    if (other) throw new Error(`register: ${key} and ${other} would both be "${unitId}"`);
    taken.set(unitId, key);
    ids.set(key, unitId);
  }
  return ids;
}

/** The file's two views of the lineage (each new unit's members; each former unit's successors) agree. */
function checkLineage(file: AdminUnitsFile, membership: ReadonlyMap<string, { into: NewUnit; member: Member }[]>): void {
  const problems: string[] = [];
  const index = new Map(file.oldUnitIndex.map((o) => [o.code, o]));
  if (index.size !== file.oldUnitIndex.length) problems.push('a former code is listed twice in oldUnitIndex');
  for (const [code, seen] of membership) {
    const old = index.get(code);
    if (!old) {
      problems.push(`${code} is a member but not in oldUnitIndex`);
      continue;
    }
    const expected = seen.map((s) => `${s.into.code}:${s.member.whole ? 'whole' : s.member.share}`).sort();
    const listed = old.becamePartOf.map((b) => `${b.code}:${b.share}`).sort();
    if (expected.join() !== listed.join()) problems.push(`${code}: members say ${expected.join()}, oldUnitIndex says ${listed.join()}`);
    for (const s of seen) {
      if (s.member.name !== old.name || s.member.kind !== old.kind || s.member.formerDistrict !== old.formerDistrict) {
        problems.push(`${code}: named differently as a member of ${s.into.code}`);
      }
      if (s.member.formerDistrictCode !== seen[0]!.member.formerDistrictCode) problems.push(`${code}: two districts`);
      if (!s.member.whole && !s.member.share) problems.push(`${code}: a part of it went into ${s.into.code}, but which share is not said`);
    }
  }
  for (const code of index.keys()) if (!membership.has(code)) problems.push(`${code} is in oldUnitIndex but no unit's member`);
  if (problems.length > 0) throw new Error(`register: the lineage of the file does not agree:\n${problems.join('\n')}`);
}
