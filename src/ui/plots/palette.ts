// Okabe & Ito (2008), "Color Universal Design": eight colours told apart by every common form of
// colour blindness. Series take them in this order; black is replaced by the theme's text colour.
export const OKABE_ITO = {
  blue: '#0072B2',
  orange: '#E69F00',
  green: '#009E73',
  vermillion: '#D55E00',
  sky: '#56B4E9',
  purple: '#CC79A7',
  yellow: '#F0E442',
} as const;

export const SERIES_COLOURS = [OKABE_ITO.blue, OKABE_ITO.orange, OKABE_ITO.green, OKABE_ITO.vermillion, OKABE_ITO.purple, OKABE_ITO.sky];

/** Colours of the five named series, fixed so that every plot agrees. */
export const NAMED = { P: OKABE_ITO.blue, C: OKABE_ITO.orange, H: OKABE_ITO.green, R: OKABE_ITO.purple, Q: OKABE_ITO.vermillion } as const;

/** The theme's colours, read from the page's CSS variables (so exported SVGs carry them). */
export interface Theme {
  fg: string;
  muted: string;
  grid: string;
  bg: string;
  band: string;
}

export function currentTheme(): Theme {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return { fg: v('--fg', '#1a1a1a'), muted: v('--muted', '#666'), grid: v('--grid', '#e5e5e5'), bg: v('--plot-bg', '#fff'), band: v('--band', '#0072B2') };
}
