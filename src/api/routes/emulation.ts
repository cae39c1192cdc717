import type { RouteModule } from "../app-types.js";

export const emulationRoutes: RouteModule = (_app, _ctx) => {};
