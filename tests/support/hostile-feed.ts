/**
 * A large, hostile feed as the security tester built it (issue 16, item 2): many incidents, each
 * naming hundreds of components with long, distinct names, and a ticket page of 50k characters
 * that mentions some of them. Plain objects shaped like the overlay projection's items, so unit
 * tests and benches can share it without this folder importing `src/`.
 */

/** `incidents` × `components`, most severe first, like the background sorts them. */
export function hostileItems(incidents = 500, components = 380) {
  return Array.from({ length: incidents }, (_, i) => {
    const names = Array.from({ length: components }, (_, c) => ({
      name: `Region ${i} cluster ${c} storage gateway replica ${c * 7 + i}`,
    }));
    return {
      sourceId: `s${i % 5}`,
      sourceName: `Hostile source ${i % 5}`,
      incident: {
        id: `inc${i}`,
        kind: 'incident' as const,
        name: `Elevated errors on component ${i} everywhere ${'Zz'.repeat(20)}`,
        status: 'investigating' as const,
        impact: 'major' as const,
        severity: 2 as const,
        createdAt: 1_000 + i,
        updatedAt: 2_000 + i,
        components: names,
        updates: [
          {
            id: `u${i}`,
            status: 'investigating' as const,
            body: `Update ${i}: ${'we are looking into it. '.repeat(40)}`,
            createdAt: 2_000 + i,
            displayAt: 2_000 + i,
            affectedComponents: names,
          },
        ],
      },
      obligations: [],
    };
  });
}

/** About `chars` characters of ticket text: the same words the hostile names use, in a new order. */
export function ticketText(chars = 50_000): string {
  const parts: string[] = [];
  let n = 0;
  for (let i = 0; n < chars; i++) {
    const [r, c] = [i % 500, i % 380];
    // Every 50th line names a whole component, so the matcher finds something to score.
    const p =
      i % 50 === 0
        ? `Customer ${i} reports region ${r} cluster ${c} storage gateway replica ${c * 7 + r} is down. `
        : `Ticket line ${i}: region ${r} cluster ${c} storage is down for customer ${i}. `;
    parts.push(p);
    n += p.length;
  }
  return parts.join('').slice(0, chars);
}
