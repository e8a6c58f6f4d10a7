// "1.2M messages, 3.4M messages/s": how much a run has simulated and how fast, for the status lines.

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 2 });

export function messagesStatus(messages: number, perSecond: number | null): string {
  const count = `${compact.format(messages)} message${messages === 1 ? '' : 's'}`;
  return perSecond === null || !Number.isFinite(perSecond) ? count : `${count}, ${compact.format(perSecond)} messages/s`;
}
