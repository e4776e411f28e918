/** An area for a message: "0.5", "1,234", or "1.23 km²" past a square kilometre. */
export function formatArea(m2: number | null): { zh: string; en: string } {
  const value = m2 ?? 0;
  if (value >= 1_000_000) {
    const km2 = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(
      value / 1_000_000,
    );
    return { zh: `${km2} 平方公里`, en: `${km2} km²` };
  }
  const m = new Intl.NumberFormat('en-US', { maximumFractionDigits: value < 10 ? 1 : 0 }).format(
    value,
  );
  return { zh: `${m} 平方米`, en: `${m} m²` };
}

