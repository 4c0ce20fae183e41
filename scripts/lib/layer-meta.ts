/** The catalogue entry of a user's raster lives in the core, shared by the CLI and the app. */
export { catalogueLayerFor } from '../../src/core/engine/user-layer-meta';
