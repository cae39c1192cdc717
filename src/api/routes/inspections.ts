import type { RouteModule } from "../app-types.js";

export const inspectionRoutes: RouteModule = (_app, _ctx) => {};
