"use client";
// The chart of 证书通过率统计: 实考 and 通过 as bars, 通过率 as a line on its own axis (Apache ECharts, only the parts
// used, drawn on a canvas; the table below carries the same figures for screen readers).
import ReactEChartsCore from "echarts-for-react/lib/core";
import * as echarts from "echarts/core";
import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartRow = { label: string; sat: number; passed: number; rate: number | null };

export function PassRateChart({ rows }: { rows: ChartRow[] }) {
  const option = {
    // Drawn at once: no motion for those who asked for none, and a settled picture for every reader.
    animation: false,
    tooltip: { trigger: "axis" },
    // The legend below the plot, so that it never covers the axis names on a phone.
    legend: { data: ["实考人数", "通过人数", "通过率"], bottom: 0 },
    grid: { left: 48, right: 48, top: 36, bottom: 96 },
    xAxis: {
      type: "category",
      data: rows.map((r) => r.label),
      // A few wrap under their bars; many turn and shorten.
      axisLabel: rows.length > 4 ? { interval: 0, rotate: 30, width: 96, overflow: "truncate" } : { interval: 0, width: 76, overflow: "break" },
    },
    yAxis: [
      { type: "value", name: "人数", minInterval: 1 },
      { type: "value", name: "通过率", min: 0, max: 100, axisLabel: { formatter: "{value}%" } },
    ],
    series: [
      { name: "实考人数", type: "bar", data: rows.map((r) => r.sat), itemStyle: { color: "#93c5fd" } },
      { name: "通过人数", type: "bar", data: rows.map((r) => r.passed), itemStyle: { color: "#1d4ed8" } },
      { name: "通过率", type: "line", yAxisIndex: 1, data: rows.map((r) => r.rate), itemStyle: { color: "#059669" } },
    ],
  };
  return (
    <div role="img" aria-label={`通过率图表：${rows.map((r) => `${r.label} ${r.rate ?? "—"}%`).join("，")}`} data-chart="pass-rate">
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: 340, width: "100%" }} opts={{ renderer: "canvas" }} />
    </div>
  );
}
