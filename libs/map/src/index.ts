// The public entry of libs/map: the api's module. No other lib imports this one.
export { MapModule } from './map.module.js';
export { MAP_LAYER_PERMISSIONS } from './map-rules.js';
