import type { Ask } from '#shared/domain/check-ins';
import type { Commitment, Track } from '#shared/domain/schemas';

/** A track and every commitment in it, as one report reads them, with its owners' check-ins. */
export interface Report {
  track: Track;
  commitments: Commitment[];
  /** One per (item, owner who is a Slack user); the store always reads them, hand-made reports may leave them out. */
  asks?: Ask[];
  /** Read for someone who may not change its items (set by the use case that read it for them): drawn for them alone, it carries no item buttons. */
  readOnly?: boolean;
}
