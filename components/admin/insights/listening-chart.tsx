"use client";

import {
  CategoryScale,
  Chart as ChartJS,
  Legend,
  LinearScale,
  LineElement,
  PointElement,
  Tooltip,
} from "chart.js";
import { Line } from "react-chartjs-2";

ChartJS.register(CategoryScale, LinearScale, PointElement, LineElement, Tooltip, Legend);

export interface ListeningChartDay {
  day: string;
  plays: number;
  uniqueListeners: number;
  feedDownloads: number;
}

/** Plays, unique listeners and feed downloads per day (Chart.js; admin pages only). */
export function ListeningChart({ days }: { days: ListeningChartDay[] }) {
  const total = (key: keyof Omit<ListeningChartDay, "day">) =>
    days.reduce((sum, day) => sum + day[key], 0);
  return (
    <div className="h-72" data-testid="listening-chart">
      <Line
        role="img"
        aria-label={`Plays per day from ${days[0]?.day} to ${days.at(-1)?.day}: ${total("plays")} plays, ${total("uniqueListeners")} listener-days, ${total("feedDownloads")} feed downloads.`}
        options={{
          maintainAspectRatio: false,
          animation: false,
          interaction: { mode: "index", intersect: false },
          scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
        }}
        data={{
          labels: days.map((day) => day.day),
          datasets: [
            {
              label: "Plays",
              data: days.map((day) => day.plays),
              borderColor: "#b45309",
              backgroundColor: "#b45309",
              pointRadius: 0,
            },
            {
              label: "Unique listeners",
              data: days.map((day) => day.uniqueListeners),
              borderColor: "#0f766e",
              backgroundColor: "#0f766e",
              pointRadius: 0,
            },
            {
              label: "Feed downloads",
              data: days.map((day) => day.feedDownloads),
              borderColor: "#57534e",
              backgroundColor: "#57534e",
              borderDash: [4, 4],
              pointRadius: 0,
            },
          ],
        }}
      />
    </div>
  );
}
