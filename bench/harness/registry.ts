/** One named figure of a bench run. Names are snake_case and unique in a run. */
export interface Measurement {
  name: string;
  value: number;
  /** e.g. `exchanges/s`, `records/s`, `ms`, `MiB`, `x` (a ratio). */
  unit: string;
  /** What the figure measured, in a few words: shown in the table. */
  note?: string;
}

const namePattern = /^[a-z][a-z0-9_]*$/;

/**
 * Every figure of a run in the order it was measured. Raw limits are named `raw_*`, our own figures
 * `ours_*`, and `ratio(x, ours, raw)` records `ratio_<x>` = ours / raw, so a reader sees at once how
 * close the product comes to what its building blocks allow on the same machine in the same run.
 */
export class MeasurementRegistry {
  private readonly figures = new Map<string, Measurement>();

  /** Records a figure. A second figure under one name is a bug in the bench, so it throws. */
  record(name: string, value: number, unit: string, note?: string): Measurement {
    if (!namePattern.test(name)) throw new Error(`measurement name "${name}" must be snake_case`);
    if (this.figures.has(name)) throw new Error(`measurement "${name}" recorded twice`);
    const measurement: Measurement = { name, value, unit, ...(note ? { note } : {}) };
    this.figures.set(name, measurement);
    return measurement;
  }

  get(name: string): Measurement | undefined {
    return this.figures.get(name);
  }

  /** The figure's value; throws naming the figure when it was not measured (yet). */
  value(name: string): number {
    const measurement = this.figures.get(name);
    if (!measurement) throw new Error(`measurement "${name}" was not recorded`);
    return measurement.value;
  }

  /**
   * Records `ratio_<x>` = value of `ours` / value of `raw` (unit `x`). Returns undefined, recording
   * nothing, when either figure is missing (its suite failed or was skipped) or the raw one is zero.
   */
  ratio(x: string, ours: string, raw: string): Measurement | undefined {
    const numerator = this.figures.get(ours);
    const denominator = this.figures.get(raw);
    if (!numerator || !denominator || denominator.value === 0) return undefined;
    return this.record(`ratio_${x}`, numerator.value / denominator.value, 'x', `${ours} / ${raw}`);
  }

  all(): readonly Measurement[] {
    return [...this.figures.values()];
  }
}
