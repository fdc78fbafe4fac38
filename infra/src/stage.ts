/** Stages whose data must survive mistakes: deletion protection, retained table and buckets, the edge firewall. */
export function isProductionStage(stage: string): boolean {
  return stage === 'production' || stage === 'prod';
}
