// Lanczos' three-exponential example (C. Lanczos, Applied Analysis, Prentice-Hall 1956,
// pp. 272-280): f(x) = 0.0951 e^-x + 0.8607 e^-3x + 1.5576 e^-5x on x = 0, 0.05, ..., 1.15,
// as published in the NIST StRD nonlinear regression suite
// (https://www.itl.nist.gov/div898/strd/nls/data/lanczos1.shtml, lanczos3.shtml).
// Lanczos1 tabulates f to 13 significant digits, Lanczos3 to 5 decimal places: with 5 digits
// the three exponentials already look alike, and the certified fit is far from f's constants.

export const X = Array.from({ length: 24 }, (_, i) => i * 0.05);

export const LANCZOS1_Y = [
  2.5134, 2.044333373291, 1.668404436564, 1.366418021208, 1.123232487372, 0.9268897180037, 0.7679338563728,
  0.6388775523106, 0.5337835317402, 0.4479363617347, 0.377584788435, 0.3197393199326, 0.2720130773746,
  0.2324965529032, 0.1996589546065, 0.1722704126914, 0.1493405660168, 0.1300700206922, 0.1138119324644,
  0.1000415587559, 0.0883320908454, 0.0783354401935, 0.06976693743449, 0.06239312536719,
];

/** NIST's certified Lanczos1 values: b1 (amplitude), b2 (rate), ... in the file's order. */
export const LANCZOS1_CERTIFIED = [9.5100000027e-2, 1.0000000001, 8.6070000013e-1, 3.0000000002, 1.5575999998, 5.0000000001];

export const LANCZOS3_Y = [
  2.5134, 2.0443, 1.6684, 1.3664, 1.1232, 0.9269, 0.7679, 0.6389, 0.5338, 0.4479, 0.3776, 0.3197, 0.272, 0.2325,
  0.1997, 0.1723, 0.1493, 0.1301, 0.1138, 0.1, 0.0883, 0.0783, 0.0698, 0.0624,
];

export const LANCZOS3_CERTIFIED = [
  8.6816414977e-2, 9.5498101505e-1, 8.4400777463e-1, 2.9515951832, 1.5825685901, 4.9863565084,
];
export const LANCZOS3_CERTIFIED_STDERR = [
  1.7197908859e-2, 9.7041624475e-2, 4.1488663282e-2, 1.0766312506e-1, 5.8371576281e-2, 3.4436403035e-2,
];
export const LANCZOS3_CERTIFIED_SSE = 1.6117193594e-8;
