// Fictional frontier-AI developers and their model families.

export const DEVELOPER_STEMS: readonly string[] = [
  'Meridian', 'Halcyon', 'Northstar', 'Cobalt', 'Tessellate', 'Lattice', 'Parallax', 'Vireo', 'Axiom', 'Cinder',
  'Corvus', 'Daedal', 'Ember', 'Fathom', 'Glasswing', 'Gradient', 'Helios', 'Inflect', 'Keel', 'Lodestar',
  'Luminal', 'Mosaic', 'Obelisk', 'Paragon', 'Perceptron', 'Quanta', 'Recursive', 'Sagewise', 'Sextant', 'Stratum',
  'Synapse', 'Tangent', 'Telos', 'Thesis', 'Tidal', 'Vector', 'Verity', 'Waypoint', 'Xylem', 'Zenith',
  'Arbor', 'Bellwether', 'Cardinal', 'Gallium', 'Heuristic', 'Isotope', 'Kepler', 'Lucid', 'Monad', 'Noetic',
  'Orrery', 'Proxima', 'Reverie', 'Tensorline', 'Umbra', 'Vellum', 'Wavelet', 'Aletheia', 'Boreal', 'Cantor',
];

export const DEVELOPER_SUFFIXES: readonly string[] = [
  'AI', 'Labs', 'Research', 'Intelligence', 'Systems', 'Machines', 'Technologies', 'Cognition', 'Compute', 'Reasoning',
];

export const MODEL_FAMILIES: readonly string[] = [
  'Aurora', 'Atlas', 'Cirrus', 'Corvid', 'Helix', 'Kestrel', 'Lumen', 'Nimbus', 'Onyx', 'Orion',
  'Polaris', 'Quill', 'Sable', 'Sentinel', 'Solstice', 'Talon', 'Tempest', 'Vesper', 'Zephyr', 'Halberd',
  'Lyra', 'Vega', 'Basalt', 'Argus', 'Pharos', 'Marlin', 'Osprey', 'Heron', 'Saga', 'Rune',
  'Glyph', 'Cipher', 'Loom', 'Anvil', 'Prism', 'Quasar', 'Nova', 'Pulsar', 'Tessera', 'Fjord',
  'Tundra', 'Sierra', 'Ridge', 'Spire', 'Vantage', 'Aegis', 'Bastion', 'Warden', 'Scout', 'Ranger',
  'Falcon', 'Merlin', 'Harrier', 'Condor', 'Petrel', 'Swift', 'Wren', 'Starling', 'Bramble', 'Thistle',
  'Obsidian', 'Garnet', 'Jasper', 'Quartz', 'Topaz', 'Mica', 'Shale', 'Flint', 'Cairn', 'Delta',
  'Estuary', 'Canyon', 'Mesa', 'Atoll', 'Caldera', 'Glacier', 'Monsoon', 'Mistral', 'Sirocco', 'Chinook',
  'Archer', 'Lancer', 'Sextans', 'Carina', 'Draco', 'Hydra', 'Lynx', 'Pyxis', 'Volans', 'Norma',
];

/** A variant name after the family ("Aurora Code"); '' is the flagship. */
export interface ModelVariant {
  readonly suffix: string;
  readonly weight: number;
  /** Variants that are smaller than the developer's flagship. */
  readonly smaller: boolean;
}

export const MODEL_VARIANTS: readonly ModelVariant[] = [
  { suffix: '', weight: 30, smaller: false },
  { suffix: 'Pro', weight: 12, smaller: false },
  { suffix: 'Ultra', weight: 5, smaller: false },
  { suffix: 'Reasoner', weight: 8, smaller: false },
  { suffix: 'Code', weight: 12, smaller: false },
  { suffix: 'Agent', weight: 9, smaller: false },
  { suffix: 'Sec', weight: 5, smaller: false },
  { suffix: 'Mini', weight: 12, smaller: true },
  { suffix: 'Lite', weight: 7, smaller: true },
];
