import type { Role } from './roles';
import { type UnitFind, type UnitParse, headUnit, isNamedEnough, placeUnit, timesNamed } from './units';
import { ADMIN, MARK_RE } from './vocabulary';

/** The writer's own unit: the 落款's, else the one they say they belong to (作为…), else the one the report names most. */
export class WriterUnit {
  unit: UnitParse | null = null;
  /** The report names its unit only by its own name (白沙镇), which is the short form of a fuller one (X县白沙镇). */
  shortOnly = false;
  private fromSignature = false;

  setFromSignature(unit: UnitParse) {
    if (!this.fromSignature) {
      this.unit = unit;
      this.fromSignature = true;
    }
  }

  chooseFrom(units: readonly UnitFind[], roles: readonly Role[]) {
    if (this.fromSignature) return;
    // 作为镇纪委书记 names a body of the place, and 按照市委 the place's committee, not the writer's unit: that needs a proper name.
    const proper = units.filter((u) => u.body || u.places.some((p) => !ADMIN.includes(p)));
    const declared = proper.find((u) => /作为|身为|担任/.test(u.before)) ?? proper.find((u) => roles.some((r) => r.unit === u.text));
    if (declared) {
      this.unit = headUnit(declared);
      return;
    }
    const place = roles.find((r) => r.place)?.place;
    const placeAsUnit = place ? placeUnit(place) : null;
    if (placeAsUnit) {
      this.unit = placeAsUnit;
      // A town or a street is named in full with its county or district (X县白沙镇); a community or village by itself.
      this.shortOnly = placeAsUnit.places.length === 1 && !MARK_RE.test(place!) && !/(?:社区|村)$/.test(place!);
      return;
    }
    const counts = new Map<string, { unit: UnitParse; n: number }>();
    const named = timesNamed(units);
    for (const u of proper.filter((u) => isNamedEnough(u, named))) {
      const head = headUnit(u);
      const entry = counts.get(head.text) ?? { unit: head, n: 0 };
      entry.n++;
      counts.set(head.text, entry);
    }
    let best: { unit: UnitParse; n: number } | null = null;
    for (const entry of counts.values()) if (!best || entry.n > best.n) best = entry;
    this.unit = best?.unit ?? null;
  }

  is(text: string) {
    return this.unit?.text === text;
  }
}
