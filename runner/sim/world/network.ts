// Each viewer's link: its profile from the scenario's mix, its own trace (families draw one per
// viewer), and the scripted network events that hit it (an event targets a share of the viewers on
// the listed profiles, decided per viewer by its own stream, so the same viewers are hit in every variant).
import { RngStreams } from '../../../engine/kernel/index.ts';
import { Link } from '../../../engine/net/index.ts';
import { compileOverlay, getProfile, instantiate, type NetworkProfile, type Overlay, type ProfileName } from '../../../network-profiles/index.ts';
import { toScriptedEvent, type Scenario } from '../../../scenarios/schema/index.ts';
import { NetworkAssigner } from './audience.ts';

export class NetworkWorld {
  readonly assigner: NetworkAssigner;
  private readonly profiles: NetworkProfile[];
  private readonly events: { overlayIndex: number; share: number; profiles: Set<string> | null }[];
  /** overlays by subset of events hitting a viewer, keyed by the bitmask of events */
  private readonly overlays = new Map<number, Overlay | null>();
  private readonly scripted: ReturnType<typeof toScriptedEvent>[];
  private readonly eventPurpose: number;

  constructor(s: Scenario, private readonly streams: RngStreams) {
    this.assigner = new NetworkAssigner(s, streams);
    this.profiles = this.assigner.profiles.map((p) => getProfile(p as ProfileName));
    this.scripted = s.network.events.map(toScriptedEvent);
    this.events = s.network.events.map((e, i) => ({
      overlayIndex: i,
      share: e.share ?? 1,
      profiles: e.profiles && e.profiles.length > 0 ? new Set<string>(e.profiles) : null,
    }));
    this.eventPurpose = streams.purpose('network.events');
  }

  get profileNames(): readonly string[] {
    return this.assigner.profiles;
  }

  /** the viewer's profile index and its link */
  linkFor(viewer: number): { profile: number; link: Link } {
    const profile = this.assigner.profileOf(viewer);
    const name = this.assigner.profiles[profile]!;
    let mask = 0;
    if (this.events.length > 0) {
      const rng = this.streams.streamOf(viewer, this.eventPurpose);
      this.events.forEach((e, i) => {
        const u = rng.next(); // one draw per event, always, so hits do not depend on other events
        if ((e.profiles === null || e.profiles.has(name)) && u < e.share) mask |= 1 << i;
      });
    }
    let overlay = this.overlays.get(mask);
    if (overlay === undefined) {
      overlay = compileOverlay(this.scripted.filter((_, i) => (mask & (1 << i)) !== 0));
      this.overlays.set(mask, overlay);
    }
    const trace = instantiate(this.profiles[profile]!, this.streams.stream(viewer, 'net.profile'));
    return { profile, link: new Link(trace, this.streams.stream(viewer, 'net'), { overlay }) };
  }
}
