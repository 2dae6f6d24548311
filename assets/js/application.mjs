// Start GOV.UK Frontend's components: error summary focus, conditional reveals, character counts.
import { initAll } from "./govuk-frontend.min.js";

initAll();
