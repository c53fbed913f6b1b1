import { cruise, type ICruiseResult, type IViolation } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { describe, expect, it } from 'vitest';

/** Every folder of code; the rules themselves, and the layer order, are in `.dependency-cruiser.cjs`. */
const SOURCES = ['functions', 'shared', 'scripts', 'bench', 'infra', 'test'];

function describeViolation(violation: IViolation): string {
  const path = violation.cycle?.length ? [violation.from, ...violation.cycle.map((step) => step.name)].join(' → ') : `${violation.from} → ${violation.to}`;
  return `${violation.rule.name}: ${path}`;
}

describe('layers', () => {
  it('has no import that breaks the layer rule', { timeout: 120_000 }, async () => {
    const options = await extractDepcruiseOptions('./.dependency-cruiser.cjs');
    const { output } = await cruise(SOURCES, options, {}, { tsConfig: extractTSConfig('tsconfig.json') });
    const result = output as ICruiseResult;

    // The cruise must see the code through its `#shared/*` imports, or every rule passes vacuously.
    expect(result.summary.totalCruised).toBeGreaterThan(100);
    const store = result.modules.find((m) => m.source === 'shared/store/store.ts');
    expect(store?.dependencies.map((d) => d.resolved)).toContain('shared/domain/schemas.ts');

    expect(result.summary.violations.map(describeViolation)).toEqual([]);
  });
});
