import type { RouteModule } from "../app-types.js";

export const initiativeRoutes: RouteModule = (_app, _ctx) => {};
