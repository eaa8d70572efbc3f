export { services, type ServiceSlug } from "./pages";
