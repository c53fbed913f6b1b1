import type { Commitment, Track } from '#shared/domain/schemas';

/** A track and every commitment in it, as one report reads them. */
export interface Report {
  track: Track;
  commitments: Commitment[];
}
