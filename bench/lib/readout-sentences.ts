/**
 * Short readout sentences, written for the NLP library comparison: each names one act (the verb after
 * a cue), its lemma, the head of its subject and whether it is a past fact or an intention.
 */
export interface ActCase {
  text: string;
  /** The act's verb is the first word after this cue. */
  cue: string;
  verb: string;
  lemma: string;
  /** Accepted subject heads, lower case, `|`-separated (a coordinated subject may be read either way). */
  subject: string;
  tense: 'past' | 'future';
  /** The named party a pronoun subject stands for, from the previous sentence. */
  referent?: string;
}

type Row = [text: string, cue: string, verb: string, lemma: string, subject: string, tense: 'past' | 'future', referent?: string];

const ROWS: Row[] = [
  ['Japan intends to double its scholarships for Pacific students.', 'intends to', 'double', 'double', 'japan', 'future'],
  ['The Ministry of Health will be procuring more vaccines next year.', 'will be', 'procuring', 'procure', 'ministry', 'future'],
  ['The two sides agreed to expand port cooperation and to create a joint task force on fisheries.', 'agreed to', 'expand', 'expand', 'sides', 'future'],
  ['The two sides agreed to expand port cooperation and to create a joint task force on fisheries.', 'and to', 'create', 'create', 'sides', 'future'],
  ['Korea opened a trade centre in Hanoi, and will hold a business forum next year.', 'and will', 'hold', 'hold', 'korea', 'future'],
  ['Korea opened a trade centre in Hanoi, and will hold a business forum next year.', 'Korea', 'opened', 'open', 'korea', 'past'],
  ['The leaders agreed on regularly holding talks between their defence ministers.', 'agreed on regularly', 'holding', 'hold', 'leaders', 'future'],
  ['Vietnam plans to digitise its customs procedures by 2027.', 'plans to', 'digitise', 'digitise', 'vietnam', 'future'],
  ['Canada will resettle an additional 2,000 refugees from the region.', 'will', 'resettle', 'resettle', 'canada', 'future'],
  ['Both governments pledged to harmonise their standards for electric vehicle batteries.', 'pledged to', 'harmonise', 'harmonise', 'governments', 'future'],
  ['Australia and Fiji will co-host the next ministerial meeting in Suva.', 'will', 'co-host', 'co-host', 'australia|fiji', 'future'],
  ['The Philippines will map its coral reefs with support from Japan.', 'will', 'map', 'map', 'philippines', 'future'],
  ['Indonesia has decided to establish a joint working group on nickel processing.', 'decided to', 'establish', 'establish', 'indonesia', 'future'],
  ['The Prime Minister announced that Germany would fund three new research chairs.', 'would', 'fund', 'fund', 'germany', 'future'],
  ['Kenya committed to phasing out single-use plastics in its national parks.', 'committed to', 'phasing', 'phase', 'kenya', 'future'],
  ['The ministers launched a green shipping corridor between the two ports.', 'ministers', 'launched', 'launch', 'ministers', 'past'],
  ['Chile and New Zealand signed a memorandum on Antarctic research.', 'Zealand', 'signed', 'sign', 'chile|zealand', 'past'],
  ['The President said that France would train two hundred cybersecurity officers.', 'would', 'train', 'train', 'france', 'future'],
  ['We instruct our officials to draft a roadmap for cooperation in critical minerals.', 'officials to', 'draft', 'draft', 'officials|we', 'future'],
  ['We establish a standing committee on maritime safety.', 'We', 'establish', 'establish', 'we', 'future'],
  ['Singapore aims to triple its solar capacity before 2030.', 'aims to', 'triple', 'triple', 'singapore', 'future'],
  ['The two leaders resolved to streamline visa procedures for business travellers.', 'resolved to', 'streamline', 'streamline', 'leaders', 'future'],
  ['India will upgrade the railway link to the border crossing.', 'will', 'upgrade', 'upgrade', 'india', 'future'],
  ['The delegations reaffirmed their intention to deepen cooperation on counter-terrorism.', 'intention to', 'deepen', 'deepen', 'delegations', 'future'],
  ['Norway is set to replenish the climate fund with a further contribution.', 'set to', 'replenish', 'replenish', 'norway', 'future'],
  ['Egypt will be hosting the follow-up conference in October.', 'will be', 'hosting', 'host', 'egypt', 'future'],
  ['Brazil undertook to reforest two million hectares of degraded land.', 'undertook to', 'reforest', 'reforest', 'brazil', 'future'],
  ['The Government of Mongolia expects to connect its grid to the regional network.', 'expects to', 'connect', 'connect', 'government', 'future'],
  ['Thailand agreed to waive visa requirements for Korean tourists.', 'agreed to', 'waive', 'waive', 'thailand', 'future'],
  ['The sides will jointly survey the disputed fishing grounds.', 'will jointly', 'survey', 'survey', 'sides', 'future'],
  ['Poland intends to relocate its consulate to a larger building.', 'intends to', 'relocate', 'relocate', 'poland', 'future'],
  ['Mexico pledged to decarbonise its steel industry by 2040.', 'pledged to', 'decarbonise', 'decarbonise', 'mexico', 'future'],
  ['The ROK delivered two patrol vessels to the coast guard last month.', 'ROK', 'delivered', 'deliver', 'rok', 'past'],
  ['Malaysia inaugurated a new training centre for customs officers.', 'Malaysia', 'inaugurated', 'inaugurate', 'malaysia', 'past'],
  ['Ghana will standardise the curricula of its nursing schools.', 'will', 'standardise', 'standardise', 'ghana', 'future'],
  ['The foreign ministers agreed to convene again in the spring.', 'agreed to', 'convene', 'convene', 'ministers', 'future'],
  ['Sweden has committed to doubling its humanitarian aid to the region.', 'committed to', 'doubling', 'double', 'sweden', 'future'],
  ['Peru will accelerate the ratification of the fisheries agreement.', 'will', 'accelerate', 'accelerate', 'peru', 'future'],
  ['Both sides expressed their readiness to simplify customs clearance at the border.', 'readiness to', 'simplify', 'simplify', 'sides', 'future'],
  ['Italy seconded three experts to the joint secretariat in January.', 'Italy', 'seconded', 'second', 'italy', 'past'],
  ['Turkey will reopen its consulate in Basra.', 'will', 'reopen', 'reopen', 'turkey', 'future'],
  ['The Netherlands offered to dredge the harbour entrance free of charge.', 'offered to', 'dredge', 'dredge', 'netherlands', 'future'],
  ['Japan and the ROK shall exchange liaison officers every year.', 'shall', 'exchange', 'exchange', 'japan|rok', 'future'],
  ['The parties are going to audit the implementation of the trade pact.', 'going to', 'audit', 'audit', 'parties', 'future'],
  ['Argentina wants to diversify its wheat exports to Asia.', 'wants to', 'diversify', 'diversify', 'argentina', 'future'],
  ['Spain will soon accredit an ambassador to the Pacific Islands Forum.', 'will soon', 'accredit', 'accredit', 'spain', 'future'],
  ['The two countries agreed to interlink their payment systems.', 'agreed to', 'interlink', 'interlink', 'countries', 'future'],
  ['Morocco has pledged to electrify rural schools in the south.', 'pledged to', 'electrify', 'electrify', 'morocco', 'future'],
  ['Qatar financed the reconstruction of the hospital in 2023.', 'Qatar', 'financed', 'finance', 'qatar', 'past'],
  ['Portugal will translate the agreement into the six official languages.', 'will', 'translate', 'translate', 'portugal', 'future'],
  ['Ministers vowed to curb illegal fishing in the shared waters.', 'vowed to', 'curb', 'curb', 'ministers', 'future'],
  ['The Korean side will dispatch a medical team to the affected provinces.', 'will', 'dispatch', 'dispatch', 'side', 'future'],
  ['Bangladesh hopes to modernise its port in Chittagong with Japanese loans.', 'hopes to', 'modernise', 'modernise', 'bangladesh', 'future'],
  ['The President and the Prime Minister welcomed the signing and decided to co-chair a new investment council.', 'decided to', 'co-chair', 'co-chair', 'president|minister', 'future'],
  ['Uzbekistan will liberalise the registration of foreign companies.', 'will', 'liberalise', 'liberalise', 'uzbekistan', 'future'],
  ['Colombia has agreed to extradite the suspects to the United States.', 'agreed to', 'extradite', 'extradite', 'colombia', 'future'],
  ['The EU is ready to mobilise additional funding for the corridor.', 'ready to', 'mobilise', 'mobilise', 'eu', 'future'],
  ['Finland built a research station in the Arctic and will staff it with Korean scientists.', 'and will', 'staff', 'staff', 'finland', 'future'],
  ['Finland built a research station in the Arctic and will staff it with Korean scientists.', 'Finland', 'built', 'build', 'finland', 'past'],
  ['Japan welcomed the Korean delegation in Tokyo. It will expand the exchange programme for young diplomats.', 'It will', 'expand', 'expand', 'it', 'future', 'japan'],
  ['Canada hosted the meeting of fisheries ministers. It said that it would ban bottom trawling in protected areas.', 'would', 'ban', 'ban', 'it', 'future', 'canada'],
  ['The ROK and Japan held a summit in Busan. They agreed to resume shuttle diplomacy.', 'agreed to', 'resume', 'resume', 'they', 'future', 'rok|japan'],
  ['Germany signed the accord last week. It intends to ratify the treaty before the summer.', 'intends to', 'ratify', 'ratify', 'it', 'future', 'germany'],
  ['India met its partners in Delhi. It will co-finance a solar plant in Kenya.', 'will', 'co-finance', 'co-finance', 'it', 'future', 'india'],
  ['Vietnam reported progress on the coal phase-out. It plans to retire four power plants by 2030.', 'plans to', 'retire', 'retire', 'it', 'future', 'vietnam'],
  ['Australia briefed the Pacific leaders on its new policy. It will recruit more seasonal workers from the islands.', 'will', 'recruit', 'recruit', 'it', 'future', 'australia'],
  ['The United Kingdom and Norway discussed offshore wind. They will pool their research on floating turbines.', 'will', 'pool', 'pool', 'they', 'future', 'kingdom|norway'],
  ['France welcomed the ceasefire. It will airlift medical supplies to the region.', 'will', 'airlift', 'airlift', 'it', 'future', 'france'],
  ['Indonesia chaired the session on energy. It also pledged to phase down coal subsidies.', 'pledged to', 'phase', 'phase', 'it', 'future', 'indonesia'],
  ['South Africa presented its report to the council. It will reinforce its border posts with new scanners.', 'will', 'reinforce', 'reinforce', 'it', 'future', 'africa'],
];

export const ACT_CASES: readonly ActCase[] = ROWS.map(([text, cue, verb, lemma, subject, tense, referent]) => ({
  text, cue, verb, lemma, subject, tense, ...(referent === undefined ? {} : { referent }),
}));

/** Readout sentences for the throughput runs, repeated to the wanted length. */
export const FILLER_SENTENCES: readonly string[] = ROWS.filter(([, , , , , , referent]) => referent === undefined).map(([text]) => text);
