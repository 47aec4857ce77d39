import { CategoryScale, Chart, Filler, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';

/**
 * The chart.js parts the charts use, registered once (modules are evaluated
 * once): a line chart on a category axis of sessions, with the band fill, legend
 * and tooltips. Anything else stays out of the bundle.
 */
Chart.register(LineController, LineElement, PointElement, CategoryScale, LinearScale, Filler, Legend, Tooltip);

export { Chart };
