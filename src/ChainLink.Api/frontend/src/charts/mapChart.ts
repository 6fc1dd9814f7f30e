import VChart from "vue-echarts";
import { use } from "echarts/core";
import { ScatterChart } from "echarts/charts";
import { GeoComponent, LegendComponent, TooltipComponent, VisualMapComponent } from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";

// Loaded by the map page after its first screen (ECharts is about 170 KB gzipped): only the parts the map draws with.
use([ScatterChart, GeoComponent, LegendComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

export { registerMap } from "echarts/core";
export default VChart;
