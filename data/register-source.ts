/**
 * The shape of admin-units/an-giang-2025.json (the facts and their sources: admin-units/README.md), parsed
 * when the register is built, so that a changed file fails loudly there. Only the fields the
 * register reads are named; the others (notes, cross-checks) stay in the file.
 */
import { z } from 'zod';

const Code5 = z.string().regex(/^\d{5}$/);
const Day = z.iso.date();

/** A merger of 2025-01-01 recorded on the unit it made or enlarged. */
const EarlierMerger = z.object({
  date: Day,
  absorbed: z.array(z.object({ code: Code5, name: z.string().min(1) })).min(1),
  legalBasis: z.string().min(1),
});

/** A former unit as one new unit's member: whole, or a part of it (then `share`). */
export const Member = z.object({
  code: Code5,
  name: z.string().min(1),
  kind: z.enum(['phuong', 'xa', 'thi_tran']),
  formerDistrict: z.string().min(1),
  formerDistrictCode: z.string().regex(/^\d{3}$/),
  formerProvince: z.string().min(1),
  formerProvinceCode: z.string().regex(/^\d{2}$/),
  whole: z.boolean(),
  share: z.enum(['part', 'remainder']).optional(),
  gsoSpelling: z.string().min(1).optional(),
  nameInResolution: z.string().min(1).optional(),
  earlierMerger: EarlierMerger.optional(),
});

/** A unit in force from 2025-07-01. */
export const NewUnit = z.object({
  code: Code5,
  name: z.string().min(1),
  kind: z.enum(['phuong', 'xa', 'dac_khu']),
  validFrom: Day,
  legalBasis: z.string().min(1),
  unchanged: z.boolean().optional(),
  laterSpelling: z.string().min(1).optional(),
  formedFrom: z.array(Member).min(1),
});

/** A former unit, and the new unit(s) it went into. */
export const OldUnit = z.object({
  code: Code5,
  name: z.string().min(1),
  kind: z.enum(['phuong', 'xa', 'thi_tran']),
  formerDistrict: z.string().min(1),
  formerProvince: z.string().min(1),
  becamePartOf: z
    .array(z.object({ code: Code5, name: z.string().min(1), share: z.enum(['whole', 'part', 'remainder']) }))
    .min(1),
});

export const AdminUnitsFile = z.object({
  province: z.object({
    code: z.string().regex(/^\d{2}$/),
    name: z.string().min(1),
    validFrom: Day,
    legalBasis: z.string().min(1),
    formedFrom: z.array(z.object({ code: z.string().regex(/^\d{2}$/), name: z.string().min(1) })).min(1),
  }),
  units: z.array(NewUnit).min(1),
  oldUnitIndex: z.array(OldUnit).min(1),
});

export type Member = z.infer<typeof Member>;
export type NewUnit = z.infer<typeof NewUnit>;
export type OldUnit = z.infer<typeof OldUnit>;
export type AdminUnitsFile = z.infer<typeof AdminUnitsFile>;
