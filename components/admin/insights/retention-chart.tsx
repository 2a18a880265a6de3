"use client";

import {
  CategoryScale,
  Chart as ChartJS,
  Filler,
  LinearScale,
  LineElement,
  type Plugin,
  PointElement,
  Tooltip,
} from "chart.js";
import { Line } from "react-chartjs-2";

ChartJS.register(CategoryScale, LinearScale, PointElement, LineElement, Filler, Tooltip);

export interface RetentionChapter {
  title: string;
  percent: number;
}

/** Draws each chapter's start as a labelled vertical line, so a drop lines up with its part. */
const chapterMarks = (chapters: RetentionChapter[]): Plugin<"line"> => ({
  id: "chapterMarks",
  afterDatasetsDraw(chart) {
    const { ctx, chartArea, scales } = chart;
    ctx.save();
    ctx.strokeStyle = "#a8a29e";
    ctx.fillStyle = "#44403c";
    ctx.font = "11px sans-serif";
    ctx.setLineDash([3, 3]);
    for (const chapter of chapters) {
      const x = scales.x!.getPixelForValue(Math.min(99, Math.floor(chapter.percent)));
      ctx.beginPath();
      ctx.moveTo(x, chartArea.top);
      ctx.lineTo(x, chartArea.bottom);
      ctx.stroke();
      ctx.fillText(chapter.title.slice(0, 24), x + 3, chartArea.top + 10);
    }
    ctx.restore();
  },
});

/** The share of listeners still listening at each 1% of the sermon, with its chapters marked. */
export function RetentionChart({
  title,
  curve,
  chapters,
}: {
  title: string;
  curve: number[];
  chapters: RetentionChapter[];
}) {
  const half = curve.findIndex((share) => share < 0.5);
  return (
    <div className="h-72" data-testid="retention-chart">
      <Line
        role="img"
        aria-label={`Retention of ${title}: ${Math.round((curve[0] ?? 0) * 100)}% of listeners hear the start, ${Math.round((curve[99] ?? 0) * 100)}% the end${half >= 0 ? `; half have stopped by ${half}%` : ""}.`}
        plugins={[chapterMarks(chapters)]}
        options={{
          maintainAspectRatio: false,
          animation: false,
          plugins: {
            tooltip: {
              callbacks: {
                title: (items) => `${items[0]?.label ?? ""}% into the sermon`,
                label: (item) => `${Math.round(Number(item.raw) * 100)}% of listeners`,
              },
            },
          },
          scales: {
            x: { title: { display: true, text: "% of the sermon" }, ticks: { maxTicksLimit: 11 } },
            y: {
              min: 0,
              max: 1,
              ticks: { callback: (value) => `${Math.round(Number(value) * 100)}%` },
            },
          },
        }}
        data={{
          labels: curve.map((_, bucket) => String(bucket)),
          datasets: [
            {
              label: "Listeners still listening",
              data: curve,
              borderColor: "#b45309",
              backgroundColor: "rgba(180, 83, 9, 0.15)",
              fill: true,
              pointRadius: 0,
            },
          ],
        }}
      />
    </div>
  );
}
