import type { SeedStep } from '@samverkan/platform';

/**
 * Where the demo's premises lie (fictional premises at plausible spots of Hammarö, WGS 84), so the
 * map (issue #20) has something to show; premises the seed did not create keep their position.
 */
export const PREMISES_POSITIONS: Readonly<Record<string, [latitude: number, longitude: number]>> = {
  'Skoghalls Krog': [59.3231, 13.4652],
  'Hamnkrogen Vilan': [59.3153, 13.4817],
  'Lövnäs Pub & Kök': [59.3452, 13.4488],
  'Klubb Kanalen': [59.3219, 13.4614],
  'Hotell Hammarö': [59.3356, 13.4941],
  'Pizzeria Bella Rossa': [59.3239, 13.4676],
  'Sushi Kanto': [59.3244, 13.4631],
  'Golfkrogen Hammarö': [59.3065, 13.5112],
  'Sportbaren Mörmo': [59.3398, 13.5079],
  'Kafé Bryggan': [59.3212, 13.4441],
  'Hammarö Bowling': [59.3268, 13.4718],
  'Festlokalen Näs': [59.3517, 13.4735],
};

/**
 * The named place of a released summary, as the commander would have chosen it at release. The
 * 2022 summary's area is all of Hammarö: no place stands for that, so it is not on the map.
 */
export const SUMMARY_PLACES: Readonly<Record<string, string>> = {
  Skoghall: 'Skoghalls centrum',
};

/** Positions on the demo's premises, and the released summaries' named places. Safe to run again. */
export function mapSeed(): SeedStep {
  return {
    name: 'map (positions of the Hammarö premises, named places of the released summaries)',
    async run(manager) {
      for (const [name, [latitude, longitude]] of Object.entries(PREMISES_POSITIONS)) {
        await manager.query('UPDATE premises SET latitude = $2, longitude = $3 WHERE name = $1 AND latitude IS NULL', [name, latitude, longitude]);
      }
      for (const [area, place] of Object.entries(SUMMARY_PLACES)) {
        await manager.query(
          `UPDATE operation_summaries s SET place_id = pl.id FROM places pl
           WHERE s.area = $1 AND s.place_id IS NULL AND pl.collaboration_id = s.collaboration_id AND pl.name = $2`,
          [area, place],
        );
      }
    },
  };
}
